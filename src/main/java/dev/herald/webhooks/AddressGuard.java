package dev.herald.webhooks;

import dev.herald.config.WebhookSettings;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which addresses webhooks may call: none that reaches the server itself, its private networks or
 * the cloud's metadata service (SSRF), unless the allow-list ({@code
 * herald.webhooks.allowed-cidrs}) opens its range. An IPv6 address that carries an IPv4 address
 * (IPv4-mapped, IPv4-compatible, NAT64, 6to4) is judged by that IPv4 address. A host is allowed
 * only when every address it resolves to is; {@link #resolve} is what the HTTP client connects
 * through, so the connection goes to an address that was checked, whatever the DNS answers later.
 */
public final class AddressGuard {

  private record Range(Cidr cidr, String what) {
    Range(String cidr, String what) {
      this(Cidr.parse(cidr), what);
    }
  }

  private static final List<Range> REFUSED =
      List.of(
          new Range("0.0.0.0/8", "in 'this network'"),
          new Range("10.0.0.0/8", "private (RFC 1918)"),
          new Range("100.64.0.0/10", "shared address space (carrier-grade NAT)"),
          new Range("127.0.0.0/8", "loopback"),
          new Range("169.254.0.0/16", "link-local (the cloud metadata service among them)"),
          new Range("172.16.0.0/12", "private (RFC 1918)"),
          new Range("192.168.0.0/16", "private (RFC 1918)"),
          new Range("224.0.0.0/4", "multicast"),
          new Range("255.255.255.255/32", "the broadcast address"),
          new Range("240.0.0.0/4", "reserved"),
          new Range("::/128", "the unspecified address"),
          new Range("::1/128", "loopback"),
          new Range("fc00::/7", "unique local (private)"),
          new Range("fe80::/10", "link-local"),
          new Range("fec0::/10", "site-local (private)"),
          new Range("ff00::/8", "multicast"),
          new Range("64:ff9b:1::/48", "local-use NAT64"),
          new Range("2001::/32", "Teredo, whose embedded address cannot be judged"));

  private static final Cidr COMPATIBLE = Cidr.parse("::/96");
  private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
  private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

  private final List<Cidr> allowed;
  private final Resolver resolver;

  public AddressGuard(List<Cidr> allowed, Resolver resolver) {
    this.allowed = List.copyOf(allowed);
    this.resolver = resolver;
  }

  /**
   * The guard of the settings' allow-list, resolving with the system's DNS.
   *
   * @throws IllegalStateException naming the key when a range does not parse
   */
  public static AddressGuard of(WebhookSettings settings) {
    return of(settings.allowedCidrs(), Resolver.system());
  }

  static AddressGuard of(List<String> allowedCidrs, Resolver resolver) {
    List<Cidr> ranges = new ArrayList<>();
    for (String text : allowedCidrs) {
      try {
        ranges.add(Cidr.parse(text));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            WebhookSettings.ALLOWED_CIDRS.key() + ": " + e.getMessage(), e);
      }
    }
    return new AddressGuard(ranges, resolver);
  }

  /**
   * Why the address may not be called, e.g. "127.0.0.1 is loopback (127.0.0.0/8)"; empty when it
   * may.
   */
  public Optional<String> refusal(InetAddress address) {
    byte[] bytes = address.getAddress();
    return reason(bytes).map(why -> Cidr.text(bytes) + " " + why);
  }

  public boolean allows(InetAddress address) {
    return refusal(address).isEmpty();
  }

  private Optional<String> reason(byte[] address) {
    if (isAllowListed(address)) {
      return Optional.empty();
    }
    byte[] embedded = embeddedIpv4(address);
    if (embedded != null) {
      return reason(embedded).map(why -> "carries " + Cidr.text(embedded) + ", which " + why);
    }
    for (Range range : REFUSED) {
      if (range.cidr().contains(address)) {
        return Optional.of("is " + range.what() + " (" + range.cidr() + ")");
      }
    }
    return Optional.empty();
  }

  private boolean isAllowListed(byte[] address) {
    return allowed.stream().anyMatch(cidr -> cidr.contains(address));
  }

  /**
   * The IPv4 address an IPv6 address stands for: IPv4-mapped {@code ::ffff:a.b.c.d},
   * IPv4-translated {@code ::ffff:0:a.b.c.d}, IPv4-compatible {@code ::a.b.c.d} (but {@code ::} and
   * {@code ::1}), NAT64 {@code 64:ff9b::a.b.c.d} and 6to4 {@code 2002:aabb:ccdd::}; null for any
   * other.
   */
  static byte[] embeddedIpv4(byte[] address) {
    if (address.length != 16) {
      return null;
    }
    boolean zeros80 = isZero(address, 0, 10);
    if (zeros80 && (address[10] & 0xff) == 0xff && (address[11] & 0xff) == 0xff) {
      return Arrays.copyOfRange(address, 12, 16); // mapped
    }
    if (isZero(address, 0, 8)
        && (address[8] & 0xff) == 0xff
        && (address[9] & 0xff) == 0xff
        && isZero(address, 10, 12)) {
      return Arrays.copyOfRange(address, 12, 16); // translated
    }
    boolean unspecifiedOrLoopback = isZero(address, 12, 15) && (address[15] & 0xff) <= 1;
    if (COMPATIBLE.contains(address) && !unspecifiedOrLoopback) {
      return Arrays.copyOfRange(address, 12, 16); // compatible, not :: or ::1
    }
    if (NAT64.contains(address)) {
      return Arrays.copyOfRange(address, 12, 16);
    }
    if (SIX_TO_FOUR.contains(address)) {
      return Arrays.copyOfRange(address, 2, 6);
    }
    return null;
  }

  private static boolean isZero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Every address of the host, when each may be called; the HTTP client connects only to these.
   *
   * @throws BlockedAddressException naming the host, the address and its range, when one may not
   * @throws UnknownHostException when the host has no address
   */
  public InetAddress[] resolve(String host) throws UnknownHostException {
    String name =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    InetAddress[] addresses = resolver.resolve(name);
    if (addresses == null || addresses.length == 0) {
      throw new UnknownHostException(name + " has no address");
    }
    for (InetAddress address : addresses) {
      Optional<String> why = refusal(address);
      if (why.isPresent()) {
        throw new BlockedAddressException(
            "webhooks may not call "
                + name
                + ": its address "
                + why.get()
                + "; add the range to "
                + WebhookSettings.ALLOWED_CIDRS.key()
                + " to allow it");
      }
    }
    return addresses.clone();
  }

  /**
   * Checks a URL given for a webhook endpoint: http or https, no user info, a host, and every
   * address of the host allowed. The message never repeats the URL, which may carry credentials.
   */
  public URI checkEndpoint(String url) throws EndpointRefusedException {
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new EndpointRefusedException(
          "the webhook URL is not a valid URI (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new EndpointRefusedException(
          "a webhook URL is http:// or https://, not "
              + (scheme.isEmpty() ? "a relative reference" : scheme + ":"));
    }
    if (uri.getRawUserInfo() != null) {
      throw new EndpointRefusedException(
          "a webhook URL may not carry user info (user:password@): subscribers verify the"
              + " webhook-signature instead");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new EndpointRefusedException("the webhook URL has no host (or not a valid one)");
    }
    try {
      resolve(uri.getHost());
    } catch (BlockedAddressException e) {
      throw new EndpointRefusedException(e.getMessage());
    } catch (UnknownHostException e) {
      throw new EndpointRefusedException(
          "the webhook URL's host " + uri.getHost() + " was not found: check its name");
    }
    return uri;
  }
}
