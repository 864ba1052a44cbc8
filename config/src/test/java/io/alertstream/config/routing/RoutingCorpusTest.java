package io.alertstream.config.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.config.ConfigParser;
import io.alertstream.config.cli.AmtoolCompatibleCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Route matching against Alertmanager's own answers: for every config of the corpus and every label
 * set, our {@code routes test} prints what amtool 0.25 prints. The answers recorded in {@code
 * .expected} are always checked; amtool itself is run too where it is installed (CI installs it and
 * sets ALERTSTREAM_REQUIRE_TOOLS so that it cannot be skipped there).
 */
class RoutingCorpusTest {

  private static final Path CORPUS = Path.of("src/test/resources/routing-corpus");
  private static final Path AMTOOL = Path.of("/usr/bin/amtool");

  static Stream<String> configs() throws Exception {
    try (Stream<Path> files = Files.list(CORPUS)) {
      List<String> names =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".yml"))
              .sorted()
              .toList();
      assertThat(names).hasSizeGreaterThanOrEqualTo(15);
      return names.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void givesTheReceiversAlertmanagerRecorded(String config) throws Exception {
    List<String> labelLines = lines(config, ".labels");
    List<String> expected = lines(config, ".expected");
    assertThat(labelLines).hasSizeGreaterThanOrEqualTo(20).hasSameSizeAs(expected);

    for (int i = 0; i < labelLines.size(); i++) {
      assertThat(ours(config, labelLines.get(i)))
          .as(config + " " + labelLines.get(i))
          .isEqualTo(expected.get(i));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void givesTheReceiversAmtoolGivesNow(String config) throws Exception {
    boolean required = System.getenv("ALERTSTREAM_REQUIRE_TOOLS") != null;
    if (!required) {
      Assumptions.assumeTrue(
          Files.isExecutable(AMTOOL),
          "amtool is not installed (apt-get install prometheus-alertmanager)");
    }
    for (String labels : lines(config, ".labels")) {
      assertThat(ours(config, labels)).as(config + " " + labels).isEqualTo(amtool(config, labels));
    }
  }

  static Stream<String> configsWithTrees() throws Exception {
    return configs().filter(c -> Files.exists(CORPUS.resolve(c.replace(".yml", ".tree"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configsWithTrees")
  void printsTheTreeAsAmtoolDoes(String config) throws Exception {
    Path tree = CORPUS.resolve(config.replace(".yml", ".tree"));
    var route = new ConfigParser().parse(Files.readString(CORPUS.resolve(config))).route();

    assertThat(io.alertstream.config.cli.RouteTreePrinter.print(route))
        .isEqualTo(Files.readString(tree));
  }

  private static String ours(String config, String labels) {
    List<String> args =
        new ArrayList<>(List.of("routes", "test", "--config.file=" + CORPUS.resolve(config)));
    args.addAll(Arrays.asList(labels.trim().split(" +")));
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int code =
        new AmtoolCompatibleCli(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
            .run(args.toArray(String[]::new));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return out.toString(StandardCharsets.UTF_8).strip();
  }

  private static String amtool(String config, String labels) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                AMTOOL.toString(),
                "config",
                "routes",
                "test",
                "--config.file=" + CORPUS.resolve(config)));
    command.addAll(Arrays.asList(labels.trim().split(" +")));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out.strip();
  }

  private static List<String> lines(String config, String extension) throws Exception {
    return Files.readAllLines(
            CORPUS.resolve(config.replace(".yml", extension)), StandardCharsets.UTF_8)
        .stream()
        .filter(l -> !l.isBlank())
        .toList();
  }
}
