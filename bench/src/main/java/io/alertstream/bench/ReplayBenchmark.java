package io.alertstream.bench;

import io.alertstream.api.server.ServerSettings;
import io.alertstream.local.LocalSettings;
import io.alertstream.local.LocalStack;
import io.alertstream.schemas.AlertEvent;
import io.alertstream.schemas.Topics;
import io.alertstream.schemas.serde.AvroSerializer;
import io.alertstream.schemas.serde.RestSchemaRegistryClient;
import io.alertstream.topology.replay.WhatIf;
import io.alertstream.topology.streams.TopologySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The what-if replay over an hour of recorded alerts at 1,000 alerts per minute: 500 alerts in 50
 * groups, each re-sent every 30 s as Prometheus does, written to {@code alertstream-alerts} with
 * their hour-old timestamps, then replayed with a config. Prints the time the replay took.
 *
 * <p>{@code bench/run ReplayBenchmark [minutes]} (default 60).
 */
public final class ReplayBenchmark {

  private static final String TENANT = "replay-bench";
  private static final String CONFIG =
      "route:\n  receiver: team\n  group_by: [alertname]\n  group_wait: 30s\n"
          + "  group_interval: 5m\n  repeat_interval: 4h\n"
          + "receivers:\n- name: team\n  webhook_configs: [{url: 'http://127.0.0.1:1/none'}]\n";

  private ReplayBenchmark() {}

  public static void main(String[] args) throws Exception {
    int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    Path data = Files.createTempDirectory("alertstream-replay-bench");
    LocalSettings settings = TopologyBenchmark.settings(data);
    try (LocalStack stack = LocalStack.start(settings)) {
      long to = System.currentTimeMillis();
      long from = to - Duration.ofMinutes(minutes).toMillis();
      int written = record(stack, from, to);
      Properties adminProps = new Properties();
      adminProps.put("bootstrap.servers", stack.bootstrapServers());
      try (var admin = org.apache.kafka.clients.admin.Admin.create(adminProps)) {
        // The live topology ingests the same records; let it finish so the runs are not shared.
        TopologyBenchmark.awaitConsumed(admin);
      }
      WhatIf whatIf =
          new WhatIf(
              Map.of("bootstrap.servers", stack.bootstrapServers()),
              new RestSchemaRegistryClient(stack.registryUrl()),
              TopologySettings.defaults(
                  "http://localhost", ServerSettings.DEFAULT_FALLBACK_CONFIG));
      for (int run = 1; run <= 3; run++) {
        WhatIf.Result result = whatIf.run(TENANT, CONFIG, from, to);
        System.out.printf(
            "replay %d: %d recorded alerts over %d min replayed in %d ms (%d notifications"
                + " would be sent)%n",
            run, result.alerts(), minutes, result.tookMs(), result.wouldSend().size());
      }
      System.out.printf("written %d alerts%n", written);
    }
  }

  private static int record(LocalStack stack, long from, long to) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    int written = 0;
    try (var producer =
        new KafkaProducer<String, AlertEvent>(
            props,
            new StringSerializer(),
            new AvroSerializer<>(new RestSchemaRegistryClient(stack.registryUrl())))) {
      for (long round = from; round < to; round += 30_000) {
        for (int i = 0; i < 500; i++) {
          Map<String, String> labels = new HashMap<>();
          labels.put("alertname", "Bench" + (i % 50));
          labels.put("instance", "host-" + i);
          labels.put("job", "node");
          labels.put("severity", i % 3 == 0 ? "critical" : "warning");
          AlertEvent alert =
              AlertEvent.newBuilder()
                  .setLabels(labels)
                  .setAnnotations(Map.of("summary", "bench alert " + i))
                  .setStartsAt(Instant.ofEpochMilli(from))
                  .setEndsAt(Instant.ofEpochMilli(round + 4 * 30_000))
                  .setGeneratorURL("http://prometheus/graph")
                  .setReceivedAt(Instant.ofEpochMilli(round + i * 50L))
                  .build();
          producer.send(new ProducerRecord<>(Topics.ALERTS, null, round + i * 50L, TENANT, alert));
          written++;
        }
      }
      producer.flush();
    }
    return written;
  }
}
