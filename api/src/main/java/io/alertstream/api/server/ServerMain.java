package io.alertstream.api.server;

import io.alertstream.topology.streams.TopologySettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./alertstream server [--config FILE]}: the topology and the API of one instance against an
 * existing Kafka cluster and schema registry. Start several with the same settings (but their own
 * {@code api.advertised.host} and {@code state.dir}) and they share the partitions.
 */
public final class ServerMain {

  private static final Logger LOG = LoggerFactory.getLogger("alertstream");

  private ServerMain() {}

  /** What the command line asked for: help, or to run with an optional properties file. */
  record Arguments(boolean help, Path configFile) {}

  /** Reads the arguments; a wrong one throws with the message to print. */
  static Arguments parse(String... args) {
    Path file = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--help") || args[i].equals("-h")) {
        return new Arguments(true, null);
      } else if (args[i].equals("--config") && i + 1 < args.length) {
        file = Path.of(args[++i]);
      } else if (args[i].startsWith("--config=")) {
        file = Path.of(args[i].substring("--config=".length()));
      } else {
        throw new IllegalArgumentException(
            "alertstream server: unknown argument '"
                + args[i]
                + "'\nusage: ./alertstream server [--config FILE] (--help lists the settings)");
      }
    }
    return new Arguments(false, file);
  }

  public static void main(String[] args) throws Exception {
    Arguments arguments;
    try {
      arguments = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    if (arguments.help()) {
      System.out.print(ServerConfiguration.usage());
      return;
    }
    Path file = arguments.configFile();
    Map<String, String> values = ServerConfiguration.read(file, System.getenv());
    ServerSettings settings;
    try {
      settings = ServerConfiguration.settings(values);
    } catch (ServerConfiguration.InvalidSettingsException e) {
      System.err.println("alertstream server: " + e.getMessage());
      System.exit(2);
      return;
    }
    AlertstreamServer server;
    try {
      prepareTopics(settings, values);
      LOG.info(
          "starting: Kafka at {}, registry at {}, state in {}, API on {} (advertised as {}:{})",
          settings.bootstrapServers(),
          settings.registryUrl(),
          settings.stateDir(),
          settings.apiAddress(),
          settings.advertisedApi().host(),
          settings.advertisedApi().port());
      server = AlertstreamServer.start(settings, ServerConfiguration.startupTimeout(values));
    } catch (Exception e) {
      LOG.error("could not start: {}", e.getMessage());
      System.exit(1);
      return;
    }
    RunUntilStopped.await(
        server, LOG, "Alertstream server is running; API on port " + server.apiPort());
  }

  /** Creates missing topics when asked to; otherwise names the missing ones and fails. */
  static void prepareTopics(ServerSettings settings, Map<String, String> values) throws Exception {
    Properties props = new Properties();
    props.putAll(settings.kafka());
    try (Admin admin = Admin.create(props)) {
      List<NewTopic> plan =
          TopicPlan.topics(
              ServerConfiguration.topicPartitions(values),
              (short) settings.replicationFactor(),
              TopologySettings.INTEGRATION_TYPES);
      Set<String> existing;
      try {
        existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException(
            "Kafka at " + settings.bootstrapServers() + " did not answer within 60 s");
      }
      Set<String> missing = new TreeSet<>();
      plan.stream().map(NewTopic::name).filter(n -> !existing.contains(n)).forEach(missing::add);
      if (missing.isEmpty()) {
        return;
      }
      if (!ServerConfiguration.createTopics(values)) {
        throw new IllegalStateException(
            "topics missing: "
                + String.join(", ", missing)
                + " (create them, as deploy/kubernetes/base/topics.yaml does, or set"
                + " topics.create=true)");
      }
      LOG.info("creating topics {}", TopicPlan.ensure(admin, plan));
    }
  }
}
