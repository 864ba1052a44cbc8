package io.alertstream.api.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigurationTest {

  @TempDir Path dir;

  @Test
  void environmentOverridesTheFileAndKafkaKeysGoToTheClients() throws Exception {
    Path file = dir.resolve("server.properties");
    Files.writeString(
        file,
        "kafka.bootstrap.servers=file:9092\nregistry.url=http://registry:8081\n"
            + "api.port=9000\nstreams.standby.replicas=2\n"
            + "limits.max.silence.duration=30d\nlimits.max.silence.matchers.count=8\n"
            + "silences.until.resolved.grace=90s\n");
    Map<String, String> values =
        ServerConfiguration.read(
            file,
            Map.of(
                "ALERTSTREAM_KAFKA_BOOTSTRAP_SERVERS", "env:9092",
                "ALERTSTREAM_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "ALERTSTREAM_API_ADVERTISED_HOST", "alertstream-0.alertstream",
                "ALERTSTREAM_OPTS", "-Xmx1g",
                "HOME", "/root"));

    ServerSettings settings = ServerConfiguration.settings(values);

    assertThat(settings.kafka())
        .containsEntry("bootstrap.servers", "env:9092")
        .containsEntry("security.protocol", "SASL_SSL")
        .hasSize(2);
    assertThat(settings.registryUrl()).isEqualTo("http://registry:8081");
    assertThat(settings.apiAddress().getPort()).isEqualTo(9000);
    assertThat(settings.advertisedApi().host()).isEqualTo("alertstream-0.alertstream");
    assertThat(settings.advertisedApi().port()).isEqualTo(9000);
    assertThat(settings.externalUrl()).isEqualTo("http://alertstream-0.alertstream:9000");
    assertThat(settings.standbyReplicas()).isEqualTo(2);
    assertThat(settings.replicationFactor()).isEqualTo(-1);
    assertThat(settings.credentials()).isEmpty();
    assertThat(settings.limits().maxSilenceDuration()).isEqualTo(java.time.Duration.ofDays(30));
    assertThat(settings.limits().maxSilenceMatchers()).isEqualTo(8);
    assertThat(settings.untilResolvedGrace()).isEqualTo(java.time.Duration.ofSeconds(90));
  }

  @Test
  void everyProblemIsReportedNamingItsKey() {
    Map<String, String> values =
        Map.of(
            "api.port", "ninety",
            "streams.threads", "0",
            "topics.create", "yes",
            "limits.max.silence.duration", "a month",
            "silences.until.resolved.grace", "1h",
            "registry.ulr", "http://typo",
            "auth.file", dir.resolve("absent").toString());

    assertThatThrownBy(() -> ServerConfiguration.settings(values))
        .isInstanceOfSatisfying(
            ServerConfiguration.InvalidSettingsException.class,
            e ->
                assertThat(e.problems())
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith("kafka.bootstrap.servers: missing")
                                .contains("ALERTSTREAM_KAFKA_BOOTSTRAP_SERVERS"))
                    .anySatisfy(p -> assertThat(p).startsWith("registry.url: missing"))
                    .anySatisfy(p -> assertThat(p).startsWith("registry.ulr: unknown setting"))
                    .anySatisfy(
                        p -> assertThat(p).isEqualTo("api.port: 'ninety' is not a whole number"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .isEqualTo("streams.threads: 0 is out of range (1 or more)"))
                    .anySatisfy(
                        p -> assertThat(p).isEqualTo("topics.create: 'yes' is not true or false"))
                    .anySatisfy(p -> assertThat(p).startsWith("auth.file: cannot read"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .isEqualTo(
                                    "limits.max.silence.duration: 'a month' is not a duration"
                                        + " such as 30d or 12h"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .isEqualTo(
                                    "silences.until.resolved.grace: 1h is not between 1s and"
                                        + " 30m"))
                    .hasSize(9));
  }

  @Test
  void aLimitsOverridesFileIsCheckedAtStart() throws Exception {
    Path good = dir.resolve("good.yaml");
    Files.writeString(good, "overrides:\n  acme:\n    alertmanager_max_alerts_count: 5\n");
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "overrides:\n  acme:\n    alertmanager_max_alerts_count: many\n");
    Map<String, String> base =
        Map.of("kafka.bootstrap.servers", "k:9092", "registry.url", "http://r");

    Map<String, String> withGood = new java.util.HashMap<>(base);
    withGood.put("limits.overrides.file", good.toString());
    assertThat(ServerConfiguration.settings(withGood).limitsOverridesFile()).contains(good);
    Map<String, String> withBad = new java.util.HashMap<>(base);
    withBad.put("limits.overrides.file", bad.toString());
    assertThatThrownBy(() -> ServerConfiguration.settings(withBad))
        .isInstanceOfSatisfying(
            ServerConfiguration.InvalidSettingsException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .asString()
                    .startsWith("limits.overrides.file: " + bad)
                    .contains("overrides.acme.alertmanager_max_alerts_count (line 3)"));
  }

  @Test
  void theOperationsGuideDocumentsEverySetting() throws Exception {
    String guide = Files.readString(Path.of("..", "docs", "OPERATIONS.md"));

    assertThat(ServerConfiguration.KEYS.keySet())
        .allSatisfy(key -> assertThat(guide).contains("`" + key + "`"));
  }

  @Test
  void theUsageListsEverySettingWithItsVariableAndDefault() {
    String usage = ServerConfiguration.usage();

    assertThat(usage).startsWith("usage: ./alertstream server [--config FILE]\n");
    for (ServerConfiguration.Setting s : ServerConfiguration.SETTINGS) {
      assertThat(usage)
          .as(s.key())
          .containsPattern(
              "(?m)^  "
                  + java.util.regex.Pattern.quote(s.key())
                  + " +"
                  + ServerConfiguration.envName(s.key())
                  + " +"
                  + java.util.regex.Pattern.quote(s.shownDefault())
                  + "$");
    }
    assertThat(usage)
        .contains("ALERTSTREAM_KAFKA_BOOTSTRAP_SERVERS")
        .containsPattern("(?m)^  api.port +ALERTSTREAM_API_PORT +9093$")
        .containsPattern("(?m)^  topics.partitions +ALERTSTREAM_TOPICS_PARTITIONS +12$")
        .containsPattern("(?m)^  registry.url +ALERTSTREAM_REGISTRY_URL +\\(required\\)$");
  }

  @Test
  void theDefaultsTheUsageShowsAreTheOnesTheServerRunsWith() throws Exception {
    ServerSettings settings =
        ServerConfiguration.settings(
            Map.of("kafka.bootstrap.servers", "k:9092", "registry.url", "http://r"));
    Map<String, String> none = Map.of();

    assertThat(settings.apiAddress().getPort())
        .isEqualTo(Integer.parseInt(ServerConfiguration.KEYS.get("api.port").defaultValue()));
    assertThat(settings.stateDir())
        .isEqualTo(Path.of(ServerConfiguration.KEYS.get("state.dir").defaultValue()));
    assertThat(settings.standbyReplicas()).isEqualTo(1);
    assertThat(settings.streamThreads()).isEqualTo(1);
    assertThat(ServerConfiguration.topicPartitions(none)).isEqualTo(12);
    assertThat(ServerConfiguration.createTopics(none)).isFalse();
    assertThat(ServerConfiguration.startupTimeout(none)).hasSeconds(300);
  }

  @Test
  void helpIsAskedForWithDashDashHelpOrDashH() {
    assertThat(ServerMain.parse("--help").help()).isTrue();
    assertThat(ServerMain.parse("--config", "x.properties", "-h").help()).isTrue();
    assertThat(ServerMain.parse("--config=x.properties"))
        .isEqualTo(new ServerMain.Arguments(false, Path.of("x.properties")));
    assertThat(ServerMain.parse().configFile()).isNull();
    assertThatThrownBy(() -> ServerMain.parse("--verbose"))
        .hasMessageStartingWith("alertstream server: unknown argument '--verbose'");
  }

  @Test
  void mainPrintsTheUsageForHelpAndReturnsWithoutStartingAnything() throws Exception {
    java.io.PrintStream original = System.out;
    var printed = new java.io.ByteArrayOutputStream();
    System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      ServerMain.main(new String[] {"--help"});
    } finally {
      System.setOut(original);
    }

    assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(ServerConfiguration.usage());
  }

  @Test
  void aBrokenFallbackConfigIsRefusedNamingTheFile() throws Exception {
    Path fallback = dir.resolve("fallback.yml");
    Files.writeString(fallback, "route:\n  receiver: nobody\nreceivers: []\n");

    assertThatThrownBy(
            () ->
                ServerConfiguration.settings(
                    Map.of(
                        "kafka.bootstrap.servers", "k:9092",
                        "registry.url", "http://r",
                        "fallback.config.file", fallback.toString())))
        .hasMessageContaining("fallback.config.file: " + fallback + " is not a valid config")
        .hasMessageContaining("nobody");
  }
}
