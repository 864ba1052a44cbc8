package io.alertstream.config.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiverFirewallTest {

  private static InetAddress[] at(String... literals) throws Exception {
    InetAddress[] out = new InetAddress[literals.length];
    for (int i = 0; i < literals.length; i++) {
      out[i] = InetAddress.getByName(literals[i]);
    }
    return out;
  }

  @Test
  void aNetworkHoldsTheAddressesItsPrefixCovers() throws Exception {
    CidrBlock ten = CidrBlock.parse("10.0.0.0/8");
    assertThat(ten.contains(InetAddress.getByName("10.200.3.4"))).isTrue();
    assertThat(ten.contains(InetAddress.getByName("11.0.0.1"))).isFalse();
    CidrBlock odd = CidrBlock.parse("192.168.4.0/22");
    assertThat(odd.contains(InetAddress.getByName("192.168.7.255"))).isTrue();
    assertThat(odd.contains(InetAddress.getByName("192.168.8.0"))).isFalse();
    CidrBlock v6 = CidrBlock.parse("fd00::/8");
    assertThat(v6.contains(InetAddress.getByName("fd12::1"))).isTrue();
    assertThat(v6.contains(InetAddress.getByName("10.0.0.1"))).isFalse();
    assertThat(CidrBlock.parse("0.0.0.0/0").contains(InetAddress.getByName("8.8.8.8"))).isTrue();
  }

  @Test
  void aBadNetworkIsRefusedWithoutLookingAnythingUp() {
    assertThatThrownBy(() -> CidrBlock.parse("10.0.0.0")).hasMessageContaining("10.0.0.0/8");
    assertThatThrownBy(() -> CidrBlock.parse("example.com/8"))
        .hasMessageContaining("is not a network");
    assertThatThrownBy(() -> CidrBlock.parse("10.0.0.0/33"))
        .hasMessageContaining("a prefix of 33 bits");
  }

  @Test
  void theFirewallNamesWhatRefusedTheDestination() throws Exception {
    ReceiverFirewall firewall =
        new ReceiverFirewall(false, List.of(CidrBlock.parse("203.0.113.0/24")));
    assertThat(firewall.refusal(at("198.51.100.7"))).isEmpty();
    assertThat(firewall.refusal(at("198.51.100.7", "203.0.113.9")))
        .hasValue(
            "destination resolves to an address in 203.0.113.0/24, which the tenant's receiver"
                + " firewall refuses (alertmanager_receivers_firewall_block_cidr_networks)");
    assertThat(new ReceiverFirewall(true, List.of()).refusal(at("127.0.0.1")))
        .hasValueSatisfying(
            r -> assertThat(r).contains("alertmanager_receivers_firewall_block_private_addresses"));
    assertThat(ReceiverFirewall.OPEN.refusal(at("127.0.0.1"))).isEmpty();
  }

  @Test
  void theOverridesFileSetsATenantsFirewall() throws Exception {
    LimitsOverrides overrides =
        LimitsOverrides.parse(
            "overrides:\n  acme:\n"
                + "    alertmanager_receivers_firewall_block_private_addresses: true\n"
                + "    alertmanager_receivers_firewall_block_cidr_networks: 10.0.0.0/8, fd00::/8\n",
            TenantLimits.NONE);

    ReceiverFirewall acme = overrides.forTenant("acme", TenantLimits.NONE).firewall();
    assertThat(acme.blockPrivateAddresses()).isTrue();
    assertThat(acme.blockedNetworks())
        .containsExactly(CidrBlock.parse("10.0.0.0/8"), CidrBlock.parse("fd00::/8"));
    assertThat(overrides.notApplied()).isEmpty();
    assertThatThrownBy(
            () ->
                LimitsOverrides.parse(
                    "overrides:\n  acme:\n"
                        + "    alertmanager_receivers_firewall_block_cidr_networks: 10.0.0/8\n",
                    TenantLimits.NONE))
        .hasMessageContaining(
            "overrides.acme.alertmanager_receivers_firewall_block_cidr_networks (line 3)");
  }
}
