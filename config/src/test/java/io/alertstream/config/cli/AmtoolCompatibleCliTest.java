package io.alertstream.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AmtoolCompatibleCliTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final AmtoolCompatibleCli cli =
      new AmtoolCompatibleCli(
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "check-config --help",
        "check-config -h",
        "routes --help",
        "routes test --config.file=x.yml --help",
        "config routes -h",
        "--help"
      })
  void helpPrintsTheUsageAndSucceeds(String arguments) {
    int code = cli.run(arguments.split(" "));

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(AmtoolCompatibleCli.USAGE)
        .startsWith("usage: ./alertstream check-config FILE...");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"routes --verbose", "check-config"})
  void aWrongCallStillFailsWithTheUsageOnStandardError(String arguments) {
    int code = cli.run(arguments.split(" "));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(AmtoolCompatibleCli.USAGE);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void checkConfigSucceedsAndPrintsAWarningPerKeyNotActedOn(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path file = dir.resolve("am.yml");
    java.nio.file.Files.writeString(
        file,
        "route: {receiver: team}\nreceivers:\n- name: team\n"
            + "tracing: {endpoint: 'otel:4317'}\n");

    int code = cli.run("check-config", file.toString());

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("  SUCCESS\n  WARNING: tracing (line 4): ignored: Alertstream does not export")
        .contains("Found:");
  }

  @Test
  void checkConfigAcceptsEveryReceiverTypeOfCurrentAlertmanager(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path file = dir.resolve("am.yml");
    java.nio.file.Files.writeString(
        file,
        "route: {receiver: team}\nreceivers:\n- name: team\n  telegram_configs:\n"
            + "  - {bot_token: t, chat_id: 1}\n  discord_configs:\n"
            + "  - {webhook_url: 'https://discord.example/api/webhooks/1/x'}\n");

    int code = cli.run("check-config", file.toString());

    assertThat(code).isEqualTo(0);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("SUCCESS");
  }
}
