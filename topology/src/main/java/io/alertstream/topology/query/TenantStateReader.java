package io.alertstream.topology.query;

import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.explain.Decision;
import io.alertstream.topology.grouping.GroupState;
import io.alertstream.topology.history.NotificationRecord;
import io.alertstream.topology.silences.Silence;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Reads one tenant's alerts and silences as the topology holds them. */
public interface TenantStateReader {

  List<Alert> alerts(String tenant);

  List<Silence> silences(String tenant);

  Optional<Silence> silence(String tenant, String id);

  /** The last day's decisions about one alert, oldest first. */
  List<Decision> decisions(String tenant, String fingerprint);

  /** The tenant's aggregation groups. */
  List<GroupState> groups(String tenant);

  /** The notifications emitted for the tenant in the last day, with their delivery outcomes. */
  List<NotificationRecord> notifications(String tenant);

  /**
   * Waits until the tenant's silence with this id satisfies {@code condition}; false on timeout.
   */
  boolean awaitSilence(String tenant, String id, Predicate<Silence> condition, Duration timeout)
      throws InterruptedException;
}
