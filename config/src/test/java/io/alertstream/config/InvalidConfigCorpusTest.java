package io.alertstream.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertstream.config.cli.AmtoolCompatibleCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One file per validation error, each refused with Alertmanager's message (recorded from Debian's
 * amtool 0.25 check-config in EXPECTED.tsv, and updated to current Alertmanager's wording where it
 * changed). Where Alertstream deliberately words it differently, the reason is given below and only
 * the refusal is asserted.
 */
class InvalidConfigCorpusTest {

  private static final Path INVALID = Path.of("src/test/resources/config/invalid");
  private static final Path ACCEPTED = Path.of("src/test/resources/config/accepted-by-amtool");
  private static final Pattern UNMARSHAL =
      Pattern.compile("^yaml: unmarshal errors:\\\\n  line (\\d+): (.*)$");

  /** Files whose message differs from Alertmanager's on purpose, and why. */
  private static final Map<String, String> WORDED_DIFFERENTLY =
      Map.ofEntries(
          Map.entry(
              "webhook-url-unparseable.yml", "Alertmanager echoes the URL, which may be a secret"),
          Map.entry(
              "http-config-bad-proxy-url.yml",
              "Alertmanager echoes the URL, which may be a secret"),
          Map.entry(
              "webhook-url-and-url-file.yml",
              "url_file exists in later Alertmanagers; both set is refused as such"),
          Map.entry("group-by-string-not-list.yml", "Go type names ([]string) do not exist here"),
          Map.entry(
              "wrong-type-receivers-not-list.yml",
              "Go type names ([]*config.Receiver) do not exist here"),
          Map.entry("top-level-not-a-map.yml", "Go type names do not exist here"),
          Map.entry(
              "telegram-bot-token-file.yml",
              "bot_token_file exists in later Alertmanagers; file paths are refused"),
          Map.entry("yaml-syntax-error.yml", "the YAML library's own wording; the line is named"),
          Map.entry(
              "yaml-bad-indentation.yml", "the YAML library's own wording; the line is named"),
          Map.entry("yaml-tab-indent.yml", "the YAML library's own wording; the line is named"),
          Map.entry(
              "global-http-config-invalid.yml",
              "bearer_token_file is a file path, refused as such"),
          Map.entry("opsgenie-api-key-and-file.yml", "reported on the config entry, same words"),
          Map.entry(
              "regex-lookbehind.yml",
              "refused as by Go 1.22 and later (current Alertmanager): invalid named capture"),
          Map.entry(
              "templates-bad-glob.yml", "templates are checked by check-config, not by the parser"),
          Map.entry(
              "templates-bad-template-syntax.yml",
              "templates are checked by check-config, not by the parser"));

  /**
   * Files Alertmanager 0.25 refused and current Alertmanager (0.34, no feature flags) accepts, as
   * Alertstream does, and why.
   */
  private static final Map<String, String> ACCEPTED_SINCE_0_25 =
      Map.of(
          "matcher-invalid-label-name.yml",
          "the UTF-8 matcher grammar (0.27+) reads bad-label as a label name",
          "group-by-invalid-label-name.yml",
          "any non-empty UTF-8 label name is valid (0.27+)",
          "inhibit-rule-equal-invalid-label.yml",
          "any non-empty UTF-8 label name is valid (0.27+)");

  static Stream<Arguments> expectations() throws Exception {
    return Files.readAllLines(INVALID.resolve("EXPECTED.tsv"), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank())
        .map(l -> l.split("\t", 2))
        .map(p -> Arguments.of(p[0], p[1]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expectations")
  void refusesWhatAlertmanagerRefuses(String file, String amtoolMessage) throws Exception {
    if (file.startsWith("templates-")) {
      assertThat(checkConfig(INVALID.resolve(file), new ByteArrayOutputStream())).isEqualTo(1);
      return;
    }
    String yaml = Files.readString(INVALID.resolve(file), StandardCharsets.UTF_8);
    if (ACCEPTED_SINCE_0_25.containsKey(file)) {
      new ConfigParser().parse(yaml);
      return;
    }

    var refusal =
        assertThatThrownBy(() -> new ConfigParser().parse(yaml))
            .isInstanceOf(InvalidConfigException.class);

    if (WORDED_DIFFERENTLY.containsKey(file)) {
      return;
    }
    Matcher unmarshal = UNMARSHAL.matcher(amtoolMessage);
    if (unmarshal.matches()) {
      int line = Integer.parseInt(unmarshal.group(1));
      refusal
          .hasMessageContaining(unmarshal.group(2))
          .satisfies(e -> assertThat(((InvalidConfigException) e).line()).isEqualTo(line));
    } else {
      refusal.hasMessageEndingWith(amtoolMessage);
    }
  }

  @Test
  void acceptsWhatAlertmanagerAccepts() throws Exception {
    List<Path> files;
    try (Stream<Path> list = Files.list(ACCEPTED)) {
      files = list.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(10);
    for (Path file : files) {
      var out = new ByteArrayOutputStream();
      int code = checkConfig(file, out);
      if (out.toString(StandardCharsets.UTF_8).contains("Alertstream does not deliver")) {
        // Valid for Alertmanager, refused only because Alertstream cannot deliver the type yet.
        new ConfigParser().parse(Files.readString(file, StandardCharsets.UTF_8));
        continue;
      }
      assertThat(code).as(file.getFileName().toString()).isZero();
    }
  }

  private static int checkConfig(Path file, ByteArrayOutputStream out) {
    var ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    return new AmtoolCompatibleCli(ps, ps).run("check-config", file.toString());
  }
}
