package io.alertstream.api.receivertest;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.config.ConfigParser;
import io.alertstream.config.receivers.ReceiverConfig;
import io.alertstream.config.tenant.TenantSettings;
import io.alertstream.connectors.delivery.AttemptResult;
import io.alertstream.connectors.delivery.EgressGuard;
import io.alertstream.connectors.delivery.Transport;
import io.alertstream.connectors.rendering.TenantTemplates;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The receiver test's bounds: a deadline per test, a bounded pool, dry run, the egress rule. */
class ReceiverTesterTest {

  private final CountDownLatch release = new CountDownLatch(1);
  private ReceiverTester tester;

  @AfterEach
  void stop() {
    release.countDown();
    if (tester != null) {
      tester.close();
    }
  }

  private static ReceiverConfig receiver(int webhooks) throws Exception {
    StringBuilder yaml =
        new StringBuilder(
            "route: {receiver: team}\nreceivers:\n- name: team\n  webhook_configs:\n");
    for (int i = 0; i < webhooks; i++) {
      yaml.append("  - url: 'http://hooks.example/").append(i).append("'\n");
    }
    return new ConfigParser().parse(yaml.toString()).receiver("team").orElseThrow();
  }

  private ReceiverTester tester(Transport transport, EgressGuard egress, int threads) {
    tester =
        new ReceiverTester(
            transport,
            egress,
            "http://alertstream.example",
            Duration.ofMillis(300),
            threads,
            Clock.systemUTC());
    return tester;
  }

  private List<IntegrationTestResult> test(ReceiverTester t, ReceiverConfig r, TenantSettings s) {
    return t.test("acme", r, 1, TenantTemplates.DEFAULTS, s, TestNotification.DEFAULT);
  }

  @Test
  void anEndpointThatNeverAnswersEndsAtTheDeadline() throws Exception {
    Transport hanging =
        request -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return new AttemptResult.Delivered(200);
        };
    long start = System.nanoTime();

    List<IntegrationTestResult> results =
        test(tester(hanging, EgressGuard.OPEN, 4), receiver(2), TenantSettings.DEFAULT);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(results)
        .extracting(IntegrationTestResult::outcome)
        .containsExactly("failed", "failed");
    assertThat(results.get(0).detail()).contains("deadline");
  }

  @Test
  void whenThePoolIsFullTheRestIsNotSentAndSaysSo() throws Exception {
    Transport hanging =
        request -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return new AttemptResult.Delivered(200);
        };

    List<IntegrationTestResult> results =
        test(tester(hanging, EgressGuard.OPEN, 2), receiver(3), TenantSettings.DEFAULT);

    assertThat(results.get(2).outcome()).isEqualTo("not_sent");
    assertThat(results.get(2).detail()).contains("too many receiver tests");
  }

  @Test
  void aReceiverLargerThanTheCapSendsToTheFirstOnes() throws Exception {
    List<IntegrationTestResult> results =
        test(
            tester(request -> new AttemptResult.Delivered(200), EgressGuard.OPEN, 64),
            receiver(ReceiverTester.MAX_INTEGRATIONS + 1),
            TenantSettings.DEFAULT);

    assertThat(results).hasSize(ReceiverTester.MAX_INTEGRATIONS + 1);
    assertThat(results.subList(0, ReceiverTester.MAX_INTEGRATIONS))
        .allMatch(IntegrationTestResult::delivered);
    assertThat(results.get(ReceiverTester.MAX_INTEGRATIONS).outcome()).isEqualTo("not_sent");
  }

  @Test
  void dryRunSendsNothingAndTheEgressRuleRefusesPrivateEndpoints() throws Exception {
    Transport refusing =
        request -> {
          throw new AssertionError("nothing may be sent");
        };
    List<IntegrationTestResult> dry =
        test(
            tester(refusing, EgressGuard.OPEN, 4),
            receiver(1),
            new TenantSettings(false, Set.of("webhook")));
    assertThat(dry.get(0).outcome()).isEqualTo("dry_run");
    tester.close();

    ReceiverConfig local =
        new ConfigParser()
            .parse(
                "route: {receiver: team}\nreceivers:\n- name: team\n  webhook_configs:\n"
                    + "  - url: 'http://127.0.0.1:9/hook'\n")
            .receiver("team")
            .orElseThrow();
    List<IntegrationTestResult> blocked =
        test(tester(refusing, new EgressGuard(true), 4), local, TenantSettings.DEFAULT);
    assertThat(blocked.get(0).outcome()).isEqualTo("failed");
    tester.close();

    // The tested tenant's receiver firewall from the overrides, not another tenant's.
    io.alertstream.config.tenant.TenantLimits walled =
        io.alertstream.config.tenant.TenantLimits.NONE.withFirewall(
            new io.alertstream.config.tenant.ReceiverFirewall(
                false, List.of(io.alertstream.config.tenant.CidrBlock.parse("127.0.0.0/8"))));
    EgressGuard perTenant =
        new EgressGuard(
            false,
            tenant ->
                tenant.equals("acme") ? walled : io.alertstream.config.tenant.TenantLimits.NONE);
    List<IntegrationTestResult> walledOff =
        test(tester(refusing, perTenant, 4), local, TenantSettings.DEFAULT);
    assertThat(walledOff.get(0).outcome()).isEqualTo("failed");
    assertThat(walledOff.get(0).detail())
        .contains("alertmanager_receivers_firewall_block_cidr_networks");
  }
}
