package io.alertstream.connectors.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EgressGuardTest {

  private final EgressGuard guard = new EgressGuard(true);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.9",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "::1",
        "fd00::1",
        "fe80::1"
      })
  void privateAddressesAreRefused(String host) {
    assertThat(guard.refuse(host)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "2001:4860:4860::8888", "100.128.0.1"})
  void publicAddressesPass(String host) {
    assertThat(guard.refuse(host)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "10.0.0.1"})
  void theRuleIsOffUnlessAskedFor(String host) {
    assertThat(EgressGuard.OPEN.refuse(host)).isEmpty();
  }

  @Test
  void aTenantsFirewallAppliesToItsIntegrationsOnly() {
    io.alertstream.config.tenant.TenantLimits walled =
        io.alertstream.config.tenant.TenantLimits.NONE.withFirewall(
            new io.alertstream.config.tenant.ReceiverFirewall(
                false,
                java.util.List.of(io.alertstream.config.tenant.CidrBlock.parse("127.0.0.0/8"))));
    EgressGuard perTenant =
        new EgressGuard(
            false,
            tenant ->
                tenant.equals("walled") ? walled : io.alertstream.config.tenant.TenantLimits.NONE);

    assertThat(perTenant.refuse("walled", "127.0.0.1"))
        .hasValueSatisfying(r -> assertThat(r).contains("127.0.0.0/8"));
    assertThat(perTenant.refuse("open", "127.0.0.1")).isEmpty();
    assertThat(new EgressGuard(true, tenant -> walled).refuse("walled", "127.0.0.1"))
        .as("the operator's rule is said first")
        .hasValueSatisfying(r -> assertThat(r).contains("egress.block.private.addresses"));
  }
}
