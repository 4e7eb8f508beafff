package dev.herald.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class CidrTest {

  @Test
  void anIpv4RangeContainsItsAddressesOnly() throws Exception {
    Cidr range = Cidr.parse("172.16.0.0/12");

    assertThat(range.contains(InetAddress.getByName("172.16.0.0"))).isTrue();
    assertThat(range.contains(InetAddress.getByName("172.31.255.255"))).isTrue();
    assertThat(range.contains(InetAddress.getByName("172.32.0.0"))).isFalse();
    assertThat(range.contains(InetAddress.getByName("172.15.255.255"))).isFalse();
    assertThat(range.contains(InetAddress.getByName("::ac10:1"))).isFalse();
    assertThat(range).hasToString("172.16.0.0/12");
  }

  @Test
  void anIpv6RangeContainsItsAddressesOnly() throws Exception {
    Cidr range = Cidr.parse("fe80::/10");

    assertThat(range.contains(InetAddress.getByName("fe80::1"))).isTrue();
    assertThat(range.contains(InetAddress.getByName("febf:ffff::"))).isTrue();
    assertThat(range.contains(InetAddress.getByName("fec0::"))).isFalse();
    assertThat(range.contains(InetAddress.getByName("127.0.0.1"))).isFalse();
    assertThat(Cidr.parse("2001:DB8:0:0::/32")).hasToString("2001:db8::/32");
  }

  @Test
  void aSingleAddressAndTheWholeSpaceAreRanges() throws Exception {
    assertThat(Cidr.parse("10.1.2.3")).hasToString("10.1.2.3/32");
    assertThat(Cidr.parse("::1")).hasToString("::1/128");
    assertThat(Cidr.parse("0.0.0.0/0").contains(InetAddress.getByName("8.8.8.8"))).isTrue();
    assertThat(Cidr.parse("::/0").contains(InetAddress.getByName("2606:2800:220:1::"))).isTrue();
  }

  @Test
  void anIpv4MappedRangeIsItsIpv4Range() throws Exception {
    assertThat(Cidr.parse("::ffff:10.0.0.0/104")).hasToString("10.0.0.0/8");
  }

  @Test
  void badRangesSayWhatIsWrongWithoutLookingANameUp() {
    assertThatThrownBy(() -> Cidr.parse("localhost/8")).hasMessageContaining("not a CIDR range");
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("outside 0..32");
    assertThatThrownBy(() -> Cidr.parse("fd00::/129")).hasMessageContaining("outside 0..128");
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0/x")).hasMessageContaining("prefix length");
    assertThatThrownBy(() -> Cidr.parse("10.0.0.1/8"))
        .hasMessageContaining("bits set beyond its prefix: the range is 10.0.0.0/8");
    assertThatThrownBy(() -> Cidr.parse("300.0.0.0/8")).hasMessageContaining("not a valid address");
    assertThatThrownBy(() -> Cidr.parse("127.1/8")).hasMessageContaining("not a CIDR range");
  }
}
