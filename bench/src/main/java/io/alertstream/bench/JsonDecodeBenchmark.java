package io.alertstream.bench;

import io.alertstream.api.PostableAlertParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding and validating a {@code POST /api/v2/alerts} body as Prometheus sends it: alerts of
 * eight labels and two annotations (about 500 bytes each), in batches of 1 and 64.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JsonDecodeBenchmark {

  @Param({"1", "64"})
  public int alertsPerPost;

  private final PostableAlertParser parser = new PostableAlertParser();
  private final Instant receivedAt = Instant.parse("2026-11-29T00:00:00Z");
  private byte[] body;

  @Setup
  public void setup() throws Exception {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < alertsPerPost; i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append(
          String.format(
              "{\"labels\":{\"alertname\":\"HighRequestLatency\",\"cluster\":\"eu-west-1\","
                  + "\"instance\":\"10.1.%d.%d:9100\",\"job\":\"node-exporter\","
                  + "\"namespace\":\"payments\",\"pod\":\"api-7d9f8c-%05d\","
                  + "\"severity\":\"warning\",\"team\":\"checkout\"},"
                  + "\"annotations\":{\"summary\":\"99th percentile latency above 1s for 10m\","
                  + "\"runbook_url\":\"https://runbooks.example.com/latency\"},"
                  + "\"startsAt\":\"2026-11-28T23:50:00.000Z\","
                  + "\"generatorURL\":\"http://prometheus:9090/graph?g0.expr=latency&g0.tab=1\"}",
              i / 256, i % 256, i));
    }
    body = json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    PostableAlertParser.Result result = parser.parse(body, receivedAt);
    if (result.alerts().size() != alertsPerPost || !result.problems().isEmpty()) {
      throw new IllegalStateException("the body should decode to valid alerts: " + result);
    }
  }

  @Benchmark
  public PostableAlertParser.Result decode() throws Exception {
    return parser.parse(body, receivedAt);
  }
}
