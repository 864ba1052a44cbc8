package io.alertstream.config.timeintervals;

import java.time.Instant;
import java.util.List;

/** A named time interval: it contains an instant when any of its entries does. */
public record TimeInterval(String name, List<TimeIntervalSpec> specs) {

  public TimeInterval {
    specs = List.copyOf(specs);
  }

  public boolean contains(Instant instant) {
    return specs.stream().anyMatch(s -> s.contains(instant));
  }
}
