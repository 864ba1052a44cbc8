package io.alertstream.topology.streams;

import io.alertstream.schemas.AlertEvent;
import io.alertstream.schemas.DeliveryOutcome;
import io.alertstream.schemas.SilenceEvent;
import io.alertstream.schemas.TenantConfig;
import java.util.function.Supplier;

/**
 * What the tenant state processor takes in: one record type per input topic, each handing itself to
 * the matching method of a {@link Handler}.
 */
sealed interface TenantInput {

  void applyTo(Handler handler, String tenant);

  /** What the tenant state does with each input. */
  interface Handler {
    /**
     * @param raw the alert as a record of the alerts topic, for the dead letter topic
     */
    void alert(String tenant, AlertEvent event, Supplier<byte[]> raw);

    /**
     * @param config null when the tenant's config was deleted
     */
    void config(String tenant, TenantConfig config);

    void silence(String tenant, SilenceEvent event);

    void outcome(String tenant, DeliveryOutcome outcome);
  }

  /**
   * @param raw the alert as a record of the alerts topic, for the dead letter topic: the record's
   *     value as it was read, or the alert of a batch on its own
   */
  record AlertReceived(AlertEvent event, Supplier<byte[]> raw) implements TenantInput {
    @Override
    public void applyTo(Handler handler, String tenant) {
      handler.alert(tenant, event, raw);
    }
  }

  record ConfigChanged(TenantConfig config) implements TenantInput {
    @Override
    public void applyTo(Handler handler, String tenant) {
      handler.config(tenant, config);
    }
  }

  record SilenceChanged(SilenceEvent event) implements TenantInput {
    @Override
    public void applyTo(Handler handler, String tenant) {
      handler.silence(tenant, event);
    }
  }

  record OutcomeReported(DeliveryOutcome outcome) implements TenantInput {
    @Override
    public void applyTo(Handler handler, String tenant) {
      handler.outcome(tenant, outcome);
    }
  }
}
