package io.alertstream.topology.tenancy;

/** The alertmanager.yml a tenant without a config of its own runs, unless the operator sets one. */
public final class FallbackConfig {

  /** Mimir's default fallback: one receiver that notifies nobody. */
  public static final String DEFAULT =
      "route:\n  receiver: empty-receiver\nreceivers:\n  - name: empty-receiver\n";

  private FallbackConfig() {}
}
