package io.alertstream.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertstream.schemas.AlertEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PostableAlertParserTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private final PostableAlertParser parser = new PostableAlertParser();

  @Test
  void readsAPrometheusStyleAlert() throws Exception {
    var result =
        parse(
            """
            [{"labels": {"alertname": "Up", "job": "node", "empty": ""},
              "annotations": {"summary": "down"},
              "startsAt": "2026-03-01T11:00:00.123+01:00",
              "endsAt": "0001-01-01T00:00:00Z",
              "generatorURL": "http://prom/graph"}]
            """);

    assertThat(result.problems()).isEmpty();
    AlertEvent alert = result.alerts().get(0);
    assertThat(alert.getLabels()).containsOnlyKeys("alertname", "job");
    assertThat(alert.getAnnotations()).containsEntry("summary", "down");
    assertThat(alert.getStartsAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123Z"));
    assertThat(alert.getEndsAt()).isNull();
    assertThat(alert.getGeneratorURL()).isEqualTo("http://prom/graph");
    assertThat(alert.getReceivedAt()).isEqualTo(NOW);
  }

  @Test
  void keepsValidAlertsAndNamesEachInvalidOne() throws Exception {
    var result =
        parse(
            """
            [{"labels": {"alertname": "Ok"}},
             {"labels": {}},
             {"labels": {"": "x"}},
             {"labels": {"a": "b"}, "startsAt": "yesterday"},
             {"labels": {"a": "b"}, "startsAt": "2026-03-01T12:00:00Z", "endsAt": "2026-03-01T11:00:00Z"}]
            """);

    assertThat(result.alerts()).hasSize(1);
    assertThat(result.problems())
        .containsExactly(
            "alert 1: at least one label pair required",
            "alert 2: invalid labels name \"\"",
            "alert 3: startsAt is not an RFC 3339 time: \"yesterday\"",
            "alert 4: start time must be before end time");
  }

  @Test
  void acceptsUtf8LabelNamesAsAlertmanager027AndLaterDoes() throws Exception {
    var result =
        parse("[{\"labels\": {\"service.name\": \"checkout\", \"1st\": \"x\", \"Größe\": \"L\"}}]");

    assertThat(result.problems()).isEmpty();
    assertThat(result.alerts().get(0).getLabels())
        .containsEntry("service.name", "checkout")
        .containsEntry("1st", "x")
        .containsEntry("Größe", "L");
  }

  @Test
  void refusesABodyThatIsNotAnArray() {
    assertThatThrownBy(() -> parse("{\"labels\": {}}"))
        .hasMessage("body must be a JSON array of alerts");
    assertThatThrownBy(() -> parse("[{")).hasMessageStartingWith("body is not valid JSON");
  }

  private PostableAlertParser.Result parse(String json) throws Exception {
    return parser.parse(json.getBytes(StandardCharsets.UTF_8), NOW);
  }
}
