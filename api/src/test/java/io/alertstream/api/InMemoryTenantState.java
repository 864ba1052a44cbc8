package io.alertstream.api;

import io.alertstream.schemas.SilenceEvent;
import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.explain.Decision;
import io.alertstream.topology.grouping.GroupState;
import io.alertstream.topology.history.NotificationRecord;
import io.alertstream.topology.query.TenantStateReader;
import io.alertstream.topology.silences.Silence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Alerts and silences held in memory, silence changes applied at once: the topology's part. */
final class InMemoryTenantState implements TenantStateReader, SilenceSink {

  private final Map<String, Map<String, Alert>> alerts = new LinkedHashMap<>();
  private final Map<String, Map<String, Silence>> silences = new LinkedHashMap<>();
  final List<SilenceEvent> written = new ArrayList<>();

  synchronized void add(String tenant, Alert alert) {
    alerts.computeIfAbsent(tenant, t -> new LinkedHashMap<>()).put(alert.fingerprint(), alert);
  }

  @Override
  public synchronized void write(String tenant, SilenceEvent event) {
    written.add(event);
    silences
        .computeIfAbsent(tenant, t -> new LinkedHashMap<>())
        .put(event.getId(), Silence.of(event));
  }

  @Override
  public synchronized List<Alert> alerts(String tenant) {
    return new ArrayList<>(alerts.getOrDefault(tenant, Map.of()).values());
  }

  @Override
  public synchronized List<Silence> silences(String tenant) {
    return new ArrayList<>(silences.getOrDefault(tenant, Map.of()).values());
  }

  final List<NotificationRecord> notifications = new ArrayList<>();

  @Override
  public synchronized List<Decision> decisions(String tenant, String fingerprint) {
    return List.of();
  }

  @Override
  public synchronized List<GroupState> groups(String tenant) {
    return List.of();
  }

  @Override
  public synchronized List<NotificationRecord> notifications(String tenant) {
    return new ArrayList<>(notifications);
  }

  @Override
  public synchronized Optional<Silence> silence(String tenant, String id) {
    return Optional.ofNullable(silences.getOrDefault(tenant, Map.of()).get(id));
  }

  @Override
  public boolean awaitSilence(
      String tenant, String id, Predicate<Silence> condition, Duration timeout) {
    return silence(tenant, id).filter(condition).isPresent();
  }
}
