package io.alertstream.topology.query;

import io.alertstream.topology.alerts.Alert;
import java.util.List;

/**
 * An alert as Alertmanager's API shows it: the receivers its routes lead to, and whether it is
 * silenced (by which silences) or inhibited (by which alerts).
 */
public record AlertView(
    Alert alert, List<String> receivers, List<String> silencedBy, List<String> inhibitedBy) {

  public AlertView {
    receivers = List.copyOf(receivers);
    silencedBy = List.copyOf(silencedBy);
    inhibitedBy = List.copyOf(inhibitedBy);
  }

  /** {@code active} or {@code suppressed} (silenced or inhibited). */
  public String state() {
    return silencedBy.isEmpty() && inhibitedBy.isEmpty() ? "active" : "suppressed";
  }
}
