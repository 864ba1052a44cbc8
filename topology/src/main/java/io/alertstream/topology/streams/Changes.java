package io.alertstream.topology.streams;

import io.alertstream.schemas.SilenceEvent;
import io.alertstream.schemas.TenantConfig;

/** Inputs of the tenant state processor besides alerts, told apart by type. */
final class Changes {

  private Changes() {}

  /** A tenant's new config; {@code config} null when the tenant's config was deleted. */
  record ConfigChange(TenantConfig config) {}

  record SilenceChange(SilenceEvent event) {}

  /** A connector's delivery report, JSON as written to the outcomes topic. */
  record OutcomeChange(String json) {}
}
