package io.alertstream.topology.replay;

import io.alertstream.schemas.Notification;
import io.alertstream.schemas.TenantConfig;
import io.alertstream.schemas.serde.AvroSerdes;
import io.alertstream.schemas.serde.AvroSerializer;
import io.alertstream.schemas.serde.SchemaRegistryClient;
import io.alertstream.topology.grouping.GroupState;
import io.alertstream.topology.streams.AlertstreamTopology;
import io.alertstream.topology.streams.InputEnds;
import io.alertstream.topology.streams.StreamsSettings;
import io.alertstream.topology.streams.TopologySettings;
import io.alertstream.topology.streams.UnwrittenState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Runs a tenant's recorded alerts and silences through the same topology, with a candidate config,
 * on a simulated clock that jumps from record to record (ticking as the live topology ticks), and
 * collects the notifications it would have sent. Nothing is delivered.
 */
public final class Replayer {

  /** The live topology's tick. */
  private static final Duration TICK = Duration.ofMillis(25);

  private final TopologySettings settings;
  private final SchemaRegistryClient registry;

  public Replayer(TopologySettings settings, SchemaRegistryClient registry) {
    this.settings = settings;
    this.registry = registry;
  }

  public List<Recorded.Sent> run(
      String tenant, String candidateConfig, Recorded recorded, long from, long to) {
    Path stateDir;
    try {
      stateDir = Files.createTempDirectory("alertstream-replay");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AvroSerdes serdes = new AvroSerdes(registry);
    try (TopologyTestDriver driver =
        new TopologyTestDriver(
            AlertstreamTopology.build(settings, serdes, InputEnds.UNKNOWN, new UnwrittenState()),
            StreamsSettings.properties("replay:9092", stateDir, 1),
            Instant.ofEpochMilli(from))) {
      TestInputTopic<byte[], byte[]> alerts =
          driver.createInputTopic(
              settings.alertsTopic(), new ByteArraySerializer(), new ByteArraySerializer());
      TestInputTopic<byte[], byte[]> silences =
          driver.createInputTopic(
              settings.silencesTopic(), new ByteArraySerializer(), new ByteArraySerializer());
      TestInputTopic<String, TenantConfig> configs =
          driver.createInputTopic(
              settings.configsTopic(), new StringSerializer(), new AvroSerializer<>(registry));
      Map<String, TestOutputTopic<String, Notification>> outputs = new HashMap<>();
      for (String type : TopologySettings.INTEGRATION_TYPES) {
        outputs.put(
            type,
            driver.createOutputTopic(
                settings.notificationsTopic(type),
                new StringDeserializer(),
                serdes.forValue(Notification.class).deserializer()));
      }
      byte[] key = tenant.getBytes(StandardCharsets.UTF_8);
      configs.pipeInput(
          tenant,
          TenantConfig.newBuilder()
              .setTenant(tenant)
              .setVersion(1)
              .setAlertmanagerConfig(candidateConfig)
              .setUpdatedAt(Instant.ofEpochMilli(from))
              .build(),
          Instant.ofEpochMilli(from));
      record Event(long at, boolean alert, byte[] value) {}
      List<Event> events = new ArrayList<>();
      recorded
          .silences()
          .forEach(s -> events.add(new Event(Math.max(s.timestamp(), from), false, s.value())));
      recorded.alerts().forEach(a -> events.add(new Event(a.timestamp(), true, a.value())));
      events.sort(Comparator.comparingLong(Event::at));
      long clock = from;
      List<Recorded.Sent> sent = new ArrayList<>();
      for (Event e : events) {
        clock = advance(driver, clock, e.at(), from, outputs, sent);
        (e.alert() ? alerts : silences).pipeInput(key, e.value(), Instant.ofEpochMilli(e.at()));
      }
      advance(driver, clock, to, from, outputs, sent);
      return sent;
    } finally {
      deleteQuietly(stateDir);
    }
  }

  /**
   * Moves the simulated clock to {@code target}, stopping at each tick at which a group is due, as
   * the live topology's 25 ms tick would find it; collects what was emitted.
   */
  private static long advance(
      TopologyTestDriver driver,
      long clock,
      long target,
      long origin,
      Map<String, TestOutputTopic<String, Notification>> outputs,
      List<Recorded.Sent> sent) {
    org.apache.kafka.streams.state.KeyValueStore<String, GroupState> groups =
        driver.getKeyValueStore(AlertstreamTopology.GROUP_STORE);
    while (clock < target) {
      long due = AlertstreamTopology.earliestDue(groups);
      long stop = target;
      if (due <= target) {
        // The first tick at or after the due time, on the live topology's tick grid.
        long tick = TICK.toMillis();
        long onGrid = origin + ((Math.max(due, clock + 1) - origin + tick - 1) / tick) * tick;
        stop = Math.min(target, Math.max(onGrid, clock + tick));
      }
      driver.advanceWallClockTime(Duration.ofMillis(stop - clock));
      clock = stop;
    }
    for (TestOutputTopic<String, Notification> out : outputs.values()) {
      while (!out.isEmpty()) {
        Notification n = out.readValue();
        sent.add(RecordReader.sent(n.getCreatedAt().toEpochMilli(), n));
      }
    }
    return clock;
  }

  private static void deleteQuietly(Path dir) {
    try (var walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind
    }
  }
}
