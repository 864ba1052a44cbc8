package io.alertstream.api.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Alertmanager's probes: {@code /-/healthy} answers 200 while the topology has not failed or
 * stopped (a liveness probe restarts the instance otherwise); {@code /-/ready} answers 200 while it
 * runs or rebalances, so a rebalance does not take every instance out of its service at once.
 */
public final class HealthHandler implements HttpHandler {

  private final Supplier<KafkaStreams.State> state;
  private final boolean readiness;

  private HealthHandler(Supplier<KafkaStreams.State> state, boolean readiness) {
    this.state = state;
    this.readiness = readiness;
  }

  public static HealthHandler liveness(Supplier<KafkaStreams.State> state) {
    return new HealthHandler(state, false);
  }

  public static HealthHandler readiness(Supplier<KafkaStreams.State> state) {
    return new HealthHandler(state, true);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      KafkaStreams.State now = state.get();
      boolean ok = readiness ? now.isRunningOrRebalancing() : alive(now);
      byte[] body =
          ((ok ? "OK" : "not " + (readiness ? "ready" : "healthy"))
                  + ": Kafka Streams is "
                  + now
                  + "\n")
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      if ("HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(ok ? 200 : 503, -1);
        return;
      }
      exchange.sendResponseHeaders(ok ? 200 : 503, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static boolean alive(KafkaStreams.State state) {
    return state != KafkaStreams.State.ERROR
        && state != KafkaStreams.State.PENDING_ERROR
        && state != KafkaStreams.State.NOT_RUNNING
        && state != KafkaStreams.State.PENDING_SHUTDOWN;
  }
}
