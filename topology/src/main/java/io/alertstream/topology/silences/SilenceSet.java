package io.alertstream.topology.silences;

import io.alertstream.config.matchers.Matchers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A tenant's silences that are active at one instant, with their matchers compiled. */
public final class SilenceSet {

  private record Active(String id, Matchers matchers) {}

  private final List<Active> active = new ArrayList<>();

  public SilenceSet(Iterable<Silence> silences, long now) {
    for (Silence s : silences) {
      if (s.activeAt(now)) {
        active.add(new Active(s.id(), s.compiled()));
      }
    }
  }

  /** The ids of all active silences that mute these labels. */
  public List<String> allSilencing(Map<String, String> labels) {
    List<String> ids = new ArrayList<>();
    for (Active a : active) {
      if (a.matchers().matches(labels)) {
        ids.add(a.id());
      }
    }
    return ids;
  }

  /** The id of an active silence that mutes these labels. */
  public Optional<String> silencedBy(Map<String, String> labels) {
    for (Active a : active) {
      if (a.matchers().matches(labels)) {
        return Optional.of(a.id());
      }
    }
    return Optional.empty();
  }
}
