package io.alertstream.topology.replay;

import io.alertstream.schemas.serde.SchemaRegistryClient;
import io.alertstream.topology.streams.TopologySettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The what-if question: with this config, what would the tenant's recorded alerts between two
 * instants have sent, compared with what was sent?
 */
public final class WhatIf {

  /**
   * @param wouldSend the replay's notifications
   * @param sent the live topology's notifications in the same range
   * @param onlyInReplay would have been sent, were not (compared on everything but time)
   * @param onlyInLive were sent, would not have been
   */
  public record Result(
      int alerts,
      List<Recorded.Sent> wouldSend,
      List<Recorded.Sent> sent,
      List<Recorded.Sent> onlyInReplay,
      List<Recorded.Sent> onlyInLive,
      long tookMs) {}

  private final RecordReader reader;
  private final Replayer replayer;

  /**
   * @param kafka client properties: bootstrap.servers and the cluster's security settings
   */
  public WhatIf(
      Map<String, String> kafka, SchemaRegistryClient registry, TopologySettings settings) {
    this.reader = new RecordReader(kafka, registry);
    this.replayer = new Replayer(settings, registry);
  }

  public Result run(String tenant, String candidateConfig, long from, long to) {
    long start = System.nanoTime();
    Recorded recorded = reader.read(tenant, from, to);
    List<Recorded.Sent> would = replayer.run(tenant, candidateConfig, recorded, from, to);
    return new Result(
        recorded.alerts().size(),
        would,
        recorded.sent(),
        missingFrom(would, recorded.sent()),
        missingFrom(recorded.sent(), would),
        (System.nanoTime() - start) / 1_000_000);
  }

  /** The notifications of {@code these} that {@code others} has no counterpart for. */
  static List<Recorded.Sent> missingFrom(List<Recorded.Sent> these, List<Recorded.Sent> others) {
    Map<String, Integer> available = new HashMap<>();
    others.forEach(o -> available.merge(o.identity(), 1, Integer::sum));
    List<Recorded.Sent> missing = new ArrayList<>();
    for (Recorded.Sent s : these) {
      if (available.getOrDefault(s.identity(), 0) > 0) {
        available.merge(s.identity(), -1, Integer::sum);
      } else {
        missing.add(s);
      }
    }
    return missing;
  }
}
