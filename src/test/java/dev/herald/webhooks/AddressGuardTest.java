package dev.herald.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

  private static final AddressGuard GUARD = AddressGuard.of(List.of(), host -> lookup(host));

  private static final Map<String, List<String>> DNS =
      Map.of(
          "example.com", List.of("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"),
          "metadata.evil.test", List.of("169.254.169.254"),
          "mixed.evil.test", List.of("93.184.216.34", "10.1.2.3"),
          "internal.test", List.of("127.0.0.1"));

  @ParameterizedTest(name = "{0} is refused: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "0.0.0.0            | in 'this network' (0.0.0.0/8)",
        "0.255.255.255      | in 'this network' (0.0.0.0/8)",
        "10.0.0.1           | private (RFC 1918) (10.0.0.0/8)",
        "10.255.255.255     | private (RFC 1918) (10.0.0.0/8)",
        "172.16.0.1         | private (RFC 1918) (172.16.0.0/12)",
        "172.31.255.254     | private (RFC 1918) (172.16.0.0/12)",
        "192.168.1.1        | private (RFC 1918) (192.168.0.0/16)",
        "127.0.0.1          | loopback (127.0.0.0/8)",
        "127.255.255.254    | loopback (127.0.0.0/8)",
        "169.254.169.254    | link-local",
        "169.254.0.1        | link-local",
        "100.64.0.1         | carrier-grade NAT",
        "100.127.255.254    | carrier-grade NAT",
        "224.0.0.1          | multicast (224.0.0.0/4)",
        "239.255.255.250    | multicast (224.0.0.0/4)",
        "255.255.255.255    | the broadcast address",
        "240.0.0.1          | reserved (240.0.0.0/4)",
        "::                 | the unspecified address (::/128)",
        "::1                | loopback (::1/128)",
        "fc00::1            | unique local",
        "fd12:3456:789a::1  | unique local",
        "fe80::1            | link-local (fe80::/10)",
        "febf:ffff::1       | link-local (fe80::/10)",
        "fec0::1            | site-local",
        "ff02::1            | multicast (ff00::/8)",
        "::ffff:127.0.0.1   | loopback (127.0.0.0/8)",
        "::ffff:10.0.0.1    | private (RFC 1918)",
        "::ffff:169.254.169.254 | link-local",
        "::127.0.0.1        | carries 127.0.0.1, which is loopback",
        "::10.0.0.1         | carries 10.0.0.1, which is private",
        "::2                | carries 0.0.0.2, which is in 'this network'",
        "::ffff:0:7f00:1    | carries 127.0.0.1, which is loopback",
        "64:ff9b::7f00:1    | carries 127.0.0.1, which is loopback",
        "64:ff9b::a9fe:a9fe | carries 169.254.169.254, which is link-local",
        "64:ff9b:1::1       | local-use NAT64",
        "2002:7f00:1::      | carries 127.0.0.1, which is loopback",
        "2002:c0a8:101::1   | carries 192.168.1.1, which is private",
        "2002:a9fe:a9fe::   | carries 169.254.169.254, which is link-local",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2 | Teredo",
      })
  void refused(String address, String why) throws Exception {
    InetAddress parsed = InetAddress.getByName(address);

    assertThat(GUARD.allows(parsed)).isFalse();
    assertThat(GUARD.refusal(parsed)).hasValueSatisfying(text -> assertThat(text).contains(why));
  }

  @ParameterizedTest(name = "{0} is allowed")
  @ValueSource(
      strings = {
        "93.184.216.34",
        "8.8.8.8",
        "1.1.1.1",
        "100.63.255.255", // just below carrier-grade NAT
        "100.128.0.0", // just above
        "172.15.255.255",
        "172.32.0.0",
        "169.253.255.255",
        "11.0.0.0",
        "223.255.255.255",
        "2606:2800:220:1::",
        "2606:2800:220:1:248:1893:25c8:1946",
        "2a00:1450:4001:82b::200e",
        "::ffff:93.184.216.34", // mapped, judged by its IPv4 address
        "64:ff9b::5db8:d822", // NAT64 of 93.184.216.34
        "2002:5db8:d822::1", // 6to4 of 93.184.216.34
      })
  void allowed(String address) throws Exception {
    assertThat(GUARD.refusal(InetAddress.getByName(address))).isEmpty();
  }

  @Test
  void anIpv4MappedAddressKeptAsIpv6IsJudgedByItsIpv4Address() throws Exception {
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    mapped[12] = 127;
    mapped[15] = 1;
    InetAddress address = Inet6Address.getByAddress(null, mapped, -1);

    assertThat(address).isInstanceOf(Inet6Address.class);
    assertThat(GUARD.refusal(address))
        .hasValue("::ffff:7f00:1 carries 127.0.0.1, which is loopback (127.0.0.0/8)");
  }

  @Test
  void theAllowListOpensLoopbackAndAnIpv6Range() throws Exception {
    AddressGuard open =
        AddressGuard.of(List.of("127.0.0.0/8", "fd00:1234::/32"), AddressGuardTest::lookup);

    assertThat(open.allows(InetAddress.getByName("127.0.0.1"))).isTrue();
    assertThat(open.allows(InetAddress.getByName("127.8.9.10"))).isTrue();
    assertThat(open.allows(InetAddress.getByName("::ffff:127.0.0.1"))).isTrue();
    assertThat(open.allows(InetAddress.getByName("64:ff9b::7f00:1"))).isTrue();
    assertThat(open.allows(InetAddress.getByName("fd00:1234:5::1"))).isTrue();
    assertThat(open.allows(InetAddress.getByName("fd00:1235::1"))).isFalse();
    assertThat(open.allows(InetAddress.getByName("::1"))).isFalse();
    assertThat(open.allows(InetAddress.getByName("10.0.0.1"))).isFalse();
    assertThat(open.allows(InetAddress.getByName("169.254.169.254"))).isFalse();
  }

  @Test
  void aBadAllowListRangeNamesTheKey() {
    assertThatThrownBy(() -> AddressGuard.of(List.of("10.0.0.0/8", "internal"), h -> null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("herald.webhooks.allowed-cidrs")
        .hasMessageContaining("'internal'");
  }

  @Test
  void aHostIsAllowedOnlyWhenEveryAddressItResolvesToIs() throws Exception {
    assertThat(GUARD.resolve("example.com")).hasSize(2);
    assertThatThrownBy(() -> GUARD.resolve("mixed.evil.test"))
        .isInstanceOf(BlockedAddressException.class)
        .hasMessage(
            "webhooks may not call mixed.evil.test: its address 10.1.2.3 is private (RFC 1918)"
                + " (10.0.0.0/8); add the range to herald.webhooks.allowed-cidrs to allow it");
    assertThatThrownBy(() -> GUARD.resolve("metadata.evil.test"))
        .isInstanceOf(BlockedAddressException.class)
        .hasMessageContaining("169.254.169.254 is link-local");
    assertThatThrownBy(() -> GUARD.resolve("nowhere.test"))
        .isInstanceOf(UnknownHostException.class)
        .isNotInstanceOf(BlockedAddressException.class);
  }

  @Test
  void anEndpointIsHttpOrHttpsWithAHostAndNoUserInfo() {
    assertThatCode(() -> GUARD.checkEndpoint("https://example.com/hooks?x=1"))
        .doesNotThrowAnyException();
    assertThatCode(() -> GUARD.checkEndpoint("HTTP://example.com:8080/"))
        .doesNotThrowAnyException();
    assertThatCode(() -> GUARD.checkEndpoint("http://[2606:2800:220:1::]/hook"))
        .doesNotThrowAnyException();

    assertRefused("ftp://example.com/", "http:// or https://, not ftp:");
    assertRefused("file:///etc/passwd", "not file:");
    assertRefused("gopher://127.0.0.1:6379/_INFO", "not gopher:");
    assertRefused("/hooks", "not a relative reference");
    assertRefused("https://user:s3cret@example.com/", "user info");
    assertRefused("https:///hooks", "no host");
    assertRefused("https://exa mple.com/", "not a valid URI");
    assertRefused("http://127.0.0.1:8080/", "127.0.0.1 is loopback");
    assertRefused("http://[::1]/", "::1 is loopback");
    assertRefused("http://[::ffff:169.254.169.254]/", "link-local");
    assertRefused("http://169.254.169.254/latest/meta-data/", "link-local");
    assertRefused("http://internal.test/", "127.0.0.1 is loopback");
    assertRefused("http://mixed.evil.test/", "10.1.2.3 is private");
    assertRefused("https://nowhere.test/", "nowhere.test was not found");
  }

  @Test
  void aRefusalNeverRepeatsTheCredentialsOfTheUrl() {
    assertThatThrownBy(() -> GUARD.checkEndpoint("https://admin:hunter2@127.0.0.1/"))
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> GUARD.checkEndpoint("ftp://admin:hunter2@example.com/"))
        .hasMessageNotContaining("hunter2");
  }

  private static void assertRefused(String url, String why) {
    assertThatThrownBy(() -> GUARD.checkEndpoint(url))
        .as(url)
        .isInstanceOf(EndpointRefusedException.class)
        .hasMessageContaining(why);
  }

  /** A fixed table instead of the DNS; IP literals are parsed without a lookup. */
  static InetAddress[] lookup(String host) throws UnknownHostException {
    if (host.matches("[0-9.]+") || host.contains(":")) {
      return new InetAddress[] {InetAddress.getByName(host)};
    }
    List<String> addresses = DNS.get(host);
    if (addresses == null) {
      throw new UnknownHostException(host);
    }
    InetAddress[] resolved = new InetAddress[addresses.size()];
    for (int i = 0; i < resolved.length; i++) {
      resolved[i] = InetAddress.getByName(addresses.get(i));
    }
    return resolved;
  }
}
