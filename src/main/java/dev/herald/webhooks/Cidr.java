package dev.herald.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 range such as {@code 10.0.0.0/8} or {@code fc00::/7}.
 *
 * <p>Written here rather than taken from a library: commons-net's {@code SubnetUtils} knows IPv4
 * only, Guava's {@code InetAddresses} has no ranges, and the IPAddress library is a large
 * dependency for one comparison of leading bits. The text is parsed without any name lookup (only
 * literals are accepted), and a range with host bits set is refused rather than silently widened.
 */
public final class Cidr {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final byte[] network;
  private final int prefix;
  private final String text;

  private Cidr(byte[] network, int prefix, String text) {
    this.network = network;
    this.prefix = prefix;
    this.text = text;
  }

  /**
   * Parses {@code address/prefix}, or a single address.
   *
   * @throws IllegalArgumentException saying what is wrong with the text
   */
  public static Cidr parse(String text) {
    String trimmed = text.trim();
    int slash = trimmed.indexOf('/');
    String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
    boolean v6 = IPV6.matcher(address).matches();
    if (!v6 && !IPV4.matcher(address).matches()) {
      throw new IllegalArgumentException(
          "'" + trimmed + "' is not a CIDR range: give an IPv4 or IPv6 address, '/' and a prefix");
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(address).getAddress(); // a literal: no lookup
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("'" + trimmed + "' is not a valid address", e);
    }
    int bits = v6 ? 128 : 32;
    int prefix;
    try {
      prefix = slash < 0 ? bits : Integer.parseInt(trimmed.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + trimmed + "' has no valid prefix length", e);
    }
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException(
          "'" + trimmed + "' has a prefix outside 0.." + bits + " for its address");
    }
    if (v6 && bytes.length == 4) {
      // Java turns an IPv4-mapped literal (::ffff:a.b.c.d) into an IPv4 address.
      if (prefix < 96) {
        throw new IllegalArgumentException(
            "'" + trimmed + "' mixes IPv4-mapped addresses with others: give a prefix of 96+");
      }
      prefix -= 96;
    }
    if (!Arrays.equals(bytes, masked(bytes, prefix))) {
      throw new IllegalArgumentException(
          "'"
              + trimmed
              + "' has bits set beyond its prefix: the range is "
              + format(masked(bytes, prefix), prefix));
    }
    return new Cidr(bytes, prefix, format(bytes, prefix));
  }

  /** Whether the address is in this range (an IPv4 address is never in an IPv6 range). */
  public boolean contains(InetAddress address) {
    return contains(address.getAddress());
  }

  boolean contains(byte[] address) {
    if (address.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (address[full] & mask) == (network[full] & mask);
  }

  private static byte[] masked(byte[] bytes, int prefix) {
    byte[] masked = bytes.clone();
    for (int bit = prefix; bit < bytes.length * 8; bit++) {
      masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
    return masked;
  }

  private static String format(byte[] bytes, int prefix) {
    return text(bytes) + "/" + prefix;
  }

  /** An address as text, IPv6 compressed ({@code ::1}), without asking InetAddress to convert. */
  static String text(byte[] bytes) {
    if (bytes.length == 4) {
      return (bytes[0] & 0xff)
          + "."
          + (bytes[1] & 0xff)
          + "."
          + (bytes[2] & 0xff)
          + "."
          + (bytes[3] & 0xff);
    }
    String[] groups = new String[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = Integer.toHexString(((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff));
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < groups.length; i++) {
      int j = i;
      while (j < groups.length && groups[j].equals("0")) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
    }
    if (bestStart < 0) {
      return String.join(":", groups);
    }
    String head = String.join(":", Arrays.copyOfRange(groups, 0, bestStart));
    String tail = String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, 8));
    return head + "::" + tail;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cidr cidr && cidr.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
