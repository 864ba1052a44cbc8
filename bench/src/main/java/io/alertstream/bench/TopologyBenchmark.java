package io.alertstream.bench;

import io.alertstream.local.LocalSettings;
import io.alertstream.local.LocalStack;
import io.alertstream.local.RegistryProcess;
import io.alertstream.schemas.AlertEvent;
import io.alertstream.schemas.TenantConfig;
import io.alertstream.schemas.Topics;
import io.alertstream.schemas.serde.AvroSerializer;
import io.alertstream.schemas.serde.RestSchemaRegistryClient;
import io.alertstream.topology.grouping.FlushDelays;
import io.alertstream.topology.streams.StreamsSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The topology on the embedded broker (the local launcher's stack): 10,000 active alerts over 100
 * tenants, re-sent round after round as rulers do; prints sustained alerts/s into the topology, the
 * delay of group flushes past their due time, and heap and RocksDB bytes per active alert.
 *
 * <p>Run: {@code ./bench/run TopologyBenchmark [rounds]} from the repository root (it needs the
 * registry unpacked by the build).
 */
public final class TopologyBenchmark {

  private static final int TENANTS = 100;
  private static final int ALERTS_PER_TENANT = 100;
  private static final int GROUPS_PER_TENANT = 10;

  private TopologyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    Path data = Files.createTempDirectory("alertstream-bench");
    LocalSettings settings = settings(data);
    try (LocalStack stack = LocalStack.start(settings)) {
      run(stack, rounds, data);
    }
  }

  private static void run(LocalStack stack, int rounds, Path data) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    var registry = new RestSchemaRegistryClient(stack.registryUrl());
    try (var configs =
            new KafkaProducer<String, TenantConfig>(
                props, new StringSerializer(), new AvroSerializer<>(registry));
        var alerts =
            new KafkaProducer<String, AlertEvent>(
                props, new StringSerializer(), new AvroSerializer<>(registry));
        Admin admin =
            Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
      for (int t = 0; t < TENANTS; t++) {
        configs.send(
            new ProducerRecord<>(Topics.CONFIGS, tenant(t), config(t, stack.inbox().url())));
      }
      configs.flush();
      long heapBefore = usedHeapAfterGc();
      FlushDelays.GLOBAL.reset();

      long start = System.nanoTime();
      for (int r = 0; r < rounds; r++) {
        for (int t = 0; t < TENANTS; t++) {
          for (int a = 0; a < ALERTS_PER_TENANT; a++) {
            alerts.send(new ProducerRecord<>(Topics.ALERTS, tenant(t), alert(a)));
          }
        }
      }
      alerts.flush();
      long produced = (long) rounds * TENANTS * ALERTS_PER_TENANT;
      double produceSeconds = (System.nanoTime() - start) / 1e9;
      awaitConsumed(admin);
      double seconds = (System.nanoTime() - start) / 1e9;

      Thread.sleep(12_000); // let groups flush a few times (group_wait 1 s, group_interval 5 s)
      long heapAfter = usedHeapAfterGc();
      long rocksBytes = size(data.resolve("streams"));
      int active = TENANTS * ALERTS_PER_TENANT;

      // Marginal memory: as many alerts again (new fingerprints), and what that adds. This leaves
      // out fixed costs (the record cache, the broker, Connect) that share the process.
      for (int t = 0; t < TENANTS; t++) {
        for (int a = 0; a < ALERTS_PER_TENANT; a++) {
          alerts.send(new ProducerRecord<>(Topics.ALERTS, tenant(t), alert(a + ALERTS_PER_TENANT)));
        }
      }
      alerts.flush();
      awaitConsumed(admin);
      Thread.sleep(12_000);
      long heapDoubled = usedHeapAfterGc();
      long rocksDoubled = size(data.resolve("streams"));
      System.out.println();
      System.out.println("| figure | value |");
      System.out.println("|---|---|");
      System.out.printf(
          "| alerts produced (%d rounds of %d active alerts over %d tenants) | %d in %.1f s |%n",
          rounds, active, TENANTS, produced, produceSeconds);
      System.out.printf(
          "| sustained alerts/s into the topology (produce to fully consumed) | %.0f |%n",
          produced / seconds);
      System.out.printf("| group flushes measured | %d |%n", FlushDelays.GLOBAL.count());
      System.out.printf(
          "| flush delay past due p50 / p99 / max | %d / %d / %d ms |%n",
          FlushDelays.GLOBAL.percentile(0.5),
          FlushDelays.GLOBAL.percentile(0.99),
          FlushDelays.GLOBAL.percentile(1.0));
      System.out.printf(
          "| heap growth per active alert (whole process, after GC) | %d bytes |%n",
          (heapAfter - heapBefore) / active);
      System.out.printf(
          "| heap per additional active alert (%d more; fixed costs left out) | %d bytes |%n",
          active, (heapDoubled - heapAfter) / active);
      System.out.printf(
          "| Streams state on disk per active alert (RocksDB files) | %d bytes |%n",
          rocksBytes / active);
      System.out.printf(
          "| Streams state on disk per additional active alert | %d bytes |%n",
          (rocksDoubled - rocksBytes) / active);
      System.out.printf(
          "| notifications delivered to the inbox (last 200 kept) | %d |%n",
          stack.inbox().received().size());
    }
  }

  /** A local stack on free ports with no example tenants, all connectors live. */
  static LocalSettings settings(Path data) throws IOException {
    return LocalSettings.onFreePorts(
        data,
        RegistryProcess.findRunnerJar(Path.of("deploy/local/target/registry")),
        data.resolve("no-tenants"),
        6,
        Map.of());
  }

  /** Waits until the live topology has consumed everything on the alerts topic. */
  static void awaitConsumed(Admin admin) throws Exception {
    awaitConsumed(admin, 6);
  }

  /** Waits until the topology has consumed everything on the alerts topic's partitions. */
  public static void awaitConsumed(Admin admin, int partitions) throws Exception {
    while (true) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(StreamsSettings.APPLICATION_ID)
              .partitionsToOffsetAndMetadata()
              .get();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (int p = 0; p < partitions; p++) {
        latest.put(new TopicPartition(Topics.ALERTS, p), OffsetSpec.latest());
      }
      ListOffsetsResult ends = admin.listOffsets(latest);
      boolean done = true;
      for (TopicPartition tp : latest.keySet()) {
        long end = ends.partitionResult(tp).get().offset();
        OffsetAndMetadata c = committed.get(tp);
        // Transaction markers take an offset, so "consumed" is within one of the end.
        if (end > 0 && (c == null || c.offset() < end - 1)) {
          done = false;
        }
      }
      if (done) {
        return;
      }
      Thread.sleep(100);
    }
  }

  static String tenant(int t) {
    return "tenant-" + t;
  }

  static TenantConfig config(int t, String inboxUrl) {
    String yaml =
        "route:\n  receiver: team\n  group_by: [alertname]\n  group_wait: 1s\n  group_interval: 5s\n"
            + "  repeat_interval: 1h\nreceivers:\n  - name: team\n    webhook_configs:\n"
            + "      - url: '"
            + inboxUrl
            + "/bench'\n";
    return TenantConfig.newBuilder()
        .setTenant(tenant(t))
        .setVersion(System.currentTimeMillis())
        .setAlertmanagerConfig(yaml)
        .setUpdatedAt(Instant.now())
        .build();
  }

  /** About 8 labels, as a Prometheus rule's alert has. */
  static AlertEvent alert(int a) {
    Map<String, String> labels = new HashMap<>();
    labels.put("alertname", "Alert" + (a % GROUPS_PER_TENANT));
    labels.put("severity", a % 3 == 0 ? "critical" : "warning");
    labels.put("instance", "10.0." + (a / 250) + "." + (a % 250) + ":9100");
    labels.put("job", "node");
    labels.put("cluster", "eu-west-1");
    labels.put("namespace", "ns-" + (a % 7));
    labels.put("pod", "pod-" + a);
    labels.put("team", "team-" + (a % 4));
    return AlertEvent.newBuilder()
        .setLabels(labels)
        .setAnnotations(
            Map.of(
                "summary",
                "Something is wrong with pod-" + a,
                "runbook_url",
                "https://runbooks.example.com/x"))
        .setGeneratorURL("http://prometheus:9090/graph?g0.expr=up")
        .build();
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return heap.getUsed();
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
