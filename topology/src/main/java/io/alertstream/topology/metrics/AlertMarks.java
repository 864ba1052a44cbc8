package io.alertstream.topology.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * What one task knows of its alerts' states, as Alertmanager's marker does: an alert is unprocessed
 * from its receipt until a flush of a group holding it, then active or suppressed (silenced or
 * inhibited) as that flush found it. Only alerts still firing are counted. Written by the task's
 * thread, read by scrapes.
 */
public class AlertMarks {

  /** Keeps nothing. */
  public static final AlertMarks NONE =
      new AlertMarks() {
        @Override
        public void received(String tenant, String fingerprint, long endsAt) {}

        @Override
        public void flushed(String tenant, String fingerprint, boolean suppressed) {}

        @Override
        public void removed(String tenant, String fingerprint) {}

        @Override
        public boolean keeps() {
          return false;
        }
      };

  /** Whether these marks keep anything (not so in replays): if not, feeding them is wasted. */
  public boolean keeps() {
    return true;
  }

  /** The states Alertmanager's {@code alertmanager_alerts} gauge counts, in its words. */
  public enum State {
    ACTIVE("active"),
    SUPPRESSED("suppressed"),
    UNPROCESSED("unprocessed");

    private final String label;

    State(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private record Mark(long endsAt, State state) {}

  private final Map<String, Map<String, Mark>> byTenant = new ConcurrentHashMap<>();

  /** The alert was received or reloaded from the store; its state stays as it was. */
  public void received(String tenant, String fingerprint, long endsAt) {
    byTenant
        .computeIfAbsent(tenant, t -> new ConcurrentHashMap<>())
        .compute(
            fingerprint,
            (fp, mark) -> new Mark(endsAt, mark == null ? State.UNPROCESSED : mark.state()));
  }

  /** A flush considered the alert: it was suppressed or not. */
  public void flushed(String tenant, String fingerprint, boolean suppressed) {
    Map<String, Mark> marks = byTenant.get(tenant);
    if (marks != null) {
      marks.computeIfPresent(
          fingerprint,
          (fp, mark) -> new Mark(mark.endsAt(), suppressed ? State.SUPPRESSED : State.ACTIVE));
    }
  }

  public void removed(String tenant, String fingerprint) {
    Map<String, Mark> marks = byTenant.get(tenant);
    if (marks != null) {
      marks.remove(fingerprint);
      if (marks.isEmpty()) {
        byTenant.remove(tenant, marks);
      }
    }
  }

  /** Each tenant's firing alerts at {@code now}, counted by state (indexed by ordinal). */
  public void count(long now, BiConsumer<String, long[]> perTenant) {
    byTenant.forEach(
        (tenant, marks) -> {
          long[] counts = new long[State.values().length];
          for (Mark m : marks.values()) {
            if (m.endsAt() > now) {
              counts[m.state().ordinal()]++;
            }
          }
          perTenant.accept(tenant, counts);
        });
  }
}
