package io.alertstream.bench;

import io.alertstream.api.server.TopicPlan;
import io.alertstream.local.EmbeddedKafkaBroker;
import io.alertstream.local.FreePorts;
import io.alertstream.local.RegistryProcess;
import io.alertstream.local.ServerProcess;
import io.alertstream.schemas.AlertEvent;
import io.alertstream.schemas.TenantConfig;
import io.alertstream.schemas.Topics;
import io.alertstream.schemas.serde.AvroSerializer;
import io.alertstream.schemas.serde.RestSchemaRegistryClient;
import io.alertstream.topology.streams.TopologySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Throughput of the topology with one, then two {@code ./alertstream server} instances (each in its
 * own JVM) on a fresh embedded broker each time: 10,000 active alerts over 100 tenants, re-sent
 * round after round, produced as fast as the broker takes them while the instances consume.
 *
 * <p>Run: {@code ./bench/run ScaleOutBenchmark [rounds] [max instances]} from the repository root.
 */
public final class ScaleOutBenchmark {

  private static final int TENANTS = 100;
  private static final int ALERTS_PER_TENANT = 100;
  private static final int PARTITIONS = 12;

  private ScaleOutBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int maxInstances = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    Path data = Files.createTempDirectory("alertstream-scale-bench");
    Map<Integer, Double> rates = new HashMap<>();
    try (RegistryProcess registry =
        RegistryProcess.start(
            RegistryProcess.findRunnerJar(Path.of("deploy/local/target/registry")),
            FreePorts.one(),
            data.resolve("registry"),
            Duration.ofSeconds(120))) {
      for (int instances = 1; instances <= maxInstances; instances++) {
        rates.put(
            instances, run(instances, rounds, registry.url(), data.resolve("run-" + instances)));
      }
    }
    long produced = (long) rounds * TENANTS * ALERTS_PER_TENANT;
    System.out.println();
    System.out.printf(
        "%d alerts (%d rounds of %d active alerts over %d tenants), %d partitions%n",
        produced, rounds, TENANTS * ALERTS_PER_TENANT, TENANTS, PARTITIONS);
    System.out.println("| instances | alerts/s (produce to fully consumed) | vs one |");
    System.out.println("|---|---|---|");
    rates.forEach(
        (n, rate) -> System.out.printf("| %d | %.0f | %.2f |%n", n, rate, rate / rates.get(1)));
  }

  private static double run(int instances, int rounds, String registryUrl, Path dir)
      throws Exception {
    int[] brokerPorts = FreePorts.distinct(2);
    try (EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.start(dir.resolve("kafka"), brokerPorts[0], brokerPorts[1])) {
      try (Admin admin =
          Admin.create(
              Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
        TopicPlan.ensure(
            admin, TopicPlan.topics(PARTITIONS, (short) 1, TopologySettings.INTEGRATION_TYPES));
        List<ServerProcess> servers = new ArrayList<>();
        try {
          for (int i = 0; i < instances; i++) {
            servers.add(start(i, broker.bootstrapServers(), registryUrl, dir));
          }
          Thread.sleep(5000); // let the group settle after the last join
          return produceAndMeasure(broker.bootstrapServers(), registryUrl, admin, rounds);
        } finally {
          servers.forEach(ServerProcess::stop);
        }
      }
    }
  }

  private static ServerProcess start(int i, String bootstrap, String registryUrl, Path dir)
      throws Exception {
    int port = FreePorts.one();
    Map<String, String> settings = new HashMap<>();
    settings.put("kafka.bootstrap.servers", bootstrap);
    settings.put("registry.url", registryUrl);
    settings.put("state.dir", dir.resolve("instance-" + i).toString());
    settings.put("api.host", "127.0.0.1");
    settings.put("api.port", Integer.toString(port));
    settings.put("api.advertised.host", "127.0.0.1");
    settings.put("streams.replication.factor", "1");
    settings.put("streams.standby.replicas", "0");
    return ServerProcess.start(
        "instance-" + i, settings, dir.resolve("logs"), Duration.ofSeconds(120));
  }

  private static double produceAndMeasure(
      String bootstrap, String registryUrl, Admin admin, int rounds) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    var registry = new RestSchemaRegistryClient(registryUrl);
    try (var configs =
            new KafkaProducer<String, TenantConfig>(
                props, new StringSerializer(), new AvroSerializer<>(registry));
        var alerts =
            new KafkaProducer<String, AlertEvent>(
                props, new StringSerializer(), new AvroSerializer<>(registry))) {
      for (int t = 0; t < TENANTS; t++) {
        configs.send(
            new ProducerRecord<>(
                Topics.CONFIGS,
                TopologyBenchmark.tenant(t),
                TopologyBenchmark.config(t, "http://127.0.0.1:9")));
      }
      configs.flush();
      long start = System.nanoTime();
      for (int r = 0; r < rounds; r++) {
        for (int t = 0; t < TENANTS; t++) {
          for (int a = 0; a < ALERTS_PER_TENANT; a++) {
            alerts.send(
                new ProducerRecord<>(
                    Topics.ALERTS, TopologyBenchmark.tenant(t), TopologyBenchmark.alert(a)));
          }
        }
      }
      alerts.flush();
      TopologyBenchmark.awaitConsumed(admin, PARTITIONS);
      double seconds = (System.nanoTime() - start) / 1e9;
      return (double) rounds * TENANTS * ALERTS_PER_TENANT / seconds;
    }
  }
}
