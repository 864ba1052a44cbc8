package io.alertstream.topology.streams;

import static io.alertstream.topology.streams.TopologyHarness.alert;
import static io.alertstream.topology.streams.TopologyHarness.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.alerts.Fingerprint;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An alert re-sent unchanged but for its end is not written to the alert store at once (one
 * changelog record fewer per re-send); everything the topology and the API read sees its latest
 * version, and a restarted task extends what the store holds as far as the unwritten version could
 * have reached.
 */
class DeferredResendTest {

  private static final Map<String, String> LABELS = Map.of("alertname", "Slow");
  private static final String KEY = "acme\u0000" + Fingerprint.of(LABELS);
  private static final String CONFIG =
      """
      route:
        receiver: team
        group_wait: 1s
        group_interval: 30s
      receivers:
        - name: team
          webhook_configs: [{url: 'http://hooks.example.com/a'}]
      """;

  @TempDir Path stateDir;

  @Test
  void aReSentEndIsHeldInMemoryAndWrittenOnceTheStoredCopyIsHalfAHorizonOld() {
    try (TopologyHarness am = new TopologyHarness(stateDir)) {
      KeyValueStore<String, Alert> store = firingSince0Then(am, alert(LABELS, 0, 250.0));

      assertThat(store.get(KEY).endsAt())
          .as("deferred: the store keeps the first end")
          .isEqualTo(at(240).toEpochMilli());

      am.advanceTo(131);
      assertThat(store.get(KEY).endsAt())
          .as("written within a few seconds of being half a horizon (120 s) old")
          .isEqualTo(at(250).toEpochMilli());
      am.advanceTo(249);
      assertThat(am.webhooks())
          .extracting(s -> s.notification().getStatus().name())
          .containsExactly("FIRING");
      am.advanceTo(281);
      assertThat(am.webhooks())
          .extracting(s -> s.notification().getStatus().name())
          .as("resolved at the re-sent end, at the group's next flush")
          .containsExactly("RESOLVED");
    }
  }

  @Test
  void aChangedAnnotationIsWrittenAtOnce() {
    try (TopologyHarness am = new TopologyHarness(stateDir)) {
      var changed = alert(LABELS, 0, 250.0);
      changed.setAnnotations(Map.of("summary", "now slower"));
      KeyValueStore<String, Alert> store = firingSince0Then(am, changed);

      assertThat(store.get(KEY).annotations()).containsEntry("summary", "now slower");
      assertThat(store.get(KEY).endsAt()).isEqualTo(at(250).toEpochMilli());
    }
  }

  @Test
  void aRestartedTaskExtendsAFiringAlertAsFarAsADeferredVersionCouldHaveReached() {
    KeyValueStore<String, Alert> store =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore("alerts"), Serdes.String(), BinaryStateSerdes.ALERT)
            .withLoggingDisabled()
            .build();
    MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    store.init(context.getStateStoreContext(), store);
    long t0 = Instant.parse("2026-12-07T12:00:00Z").toEpochMilli();
    UnwrittenState published = new UnwrittenState();
    DeferringStore<Alert> before = TenantState.alertStore(store, published, t0);
    Alert first = prometheus(t0, t0);
    before.put(KEY, first, t0);
    Alert reSent = prometheus(t0, t0 + 60_000);
    before.put(KEY, reSent, t0 + 60_000);
    assertThat(store.get(KEY)).as("deferred").isEqualTo(first);
    assertThat(published.alert(KEY, first)).as("the API reads the latest").isEqualTo(reSent);

    // A crash: the deferred version is lost with the process; the store is all there is.
    DeferringStore<Alert> after = TenantState.alertStore(store, new UnwrittenState(), t0 + 70_000);

    assertThat(after.get(KEY).endsAt())
        .as("no earlier than the lost version's end")
        .isGreaterThanOrEqualTo(reSent.endsAt())
        .as("and no later than the restart plus one horizon")
        .isLessThanOrEqualTo(t0 + 70_000 + 240_000);
    assertThat(after.deferredCount()).isEqualTo(1);
    after.writeDue(t0 + 120_000);
    assertThat(store.get(KEY)).as("written like any deferred version").isEqualTo(after.get(KEY));
    after.close();
  }

  /** Posts the alert ending at 240 s, then at 10 s {@code reSent}; returns the alert store. */
  private static KeyValueStore<String, Alert> firingSince0Then(
      TopologyHarness am, io.alertstream.schemas.AlertEvent reSent) {
    am.config("acme", CONFIG);
    am.post("acme", alert(LABELS, 0, 240.0));
    am.advanceTo(10);
    am.post("acme", reSent);
    return am.driver.getKeyValueStore(AlertstreamTopology.ALERT_STORE);
  }

  /** Received at {@code at}, ending 4 minutes later, as Prometheus sends it. */
  private static Alert prometheus(long startsAt, long at) {
    return new Alert(
        Fingerprint.of(LABELS), LABELS, Map.of(), startsAt, at + 240_000, "", at, false);
  }
}
