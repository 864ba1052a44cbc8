package io.alertstream.bench.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A webhook receiver that counts the alerts it is told about: the first firing notification of each
 * alert gives its end-to-end latency (now minus the {@code sent_at} annotation).
 */
final class CountingReceiver implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final java.util.concurrent.ExecutorService executor = Executors.newFixedThreadPool(16);
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final List<Arrival> arrivals = Collections.synchronizedList(new ArrayList<>());

  /** A first firing notification of an alert: when it arrived and how long after it was sent. */
  private record Arrival(long atMs, long latencyMs) {}

  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong alertsReceived = new AtomicLong();

  CountingReceiver() throws IOException {
    // Alertmanager sends each group's notification at once on its own connection: thousands at a
    // time. Keep them all, and keep idle ones long enough that a client never reuses a closed one.
    System.setProperty("sun.net.httpserver.maxIdleConnections", "10000");
    System.setProperty("sun.net.httpserver.idleInterval", "600");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8192);
    server.setExecutor(executor);
    server.createContext(
        "/",
        exchange -> {
          long now = System.currentTimeMillis();
          try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            requests.incrementAndGet();
            alertsReceived.addAndGet(body.path("alerts").size());
            for (JsonNode alert : body.path("alerts")) {
              if (!"firing".equals(alert.path("status").asText())) {
                continue;
              }
              JsonNode labels = alert.path("labels");
              String key = labels.path("tenant").asText() + "/" + labels.toString();
              if (seen.add(key)) {
                long sentAt = alert.path("annotations").path("sent_at").asLong(0);
                if (sentAt > 0) {
                  arrivals.add(new Arrival(now, now - sentAt));
                }
              }
            }
            exchange.sendResponseHeaders(200, -1);
          }
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  int alertsSeen() {
    return seen.size();
  }

  /** Notifications received, and alerts in them, since the last reset. */
  String received() {
    return requests.get() + " notifications with " + alertsReceived.get() + " alerts";
  }

  /** The latency below which {@code quantile} of first notifications arrived, in ms. */
  long latencyPercentile(double quantile) {
    List<Arrival> sorted = byLatency();
    if (sorted.isEmpty()) {
      return -1;
    }
    return sorted
        .get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1))
        .latencyMs();
  }

  /**
   * The {@code count} slowest first notifications, "latency ms at wall-clock time", to line up with
   * a profile or a GC log; {@code minusMs} is taken off each latency (the group_wait).
   */
  String slowest(int count, long minusMs) {
    List<Arrival> sorted = byLatency();
    List<String> slowest = new ArrayList<>();
    for (int i = sorted.size() - 1; i >= Math.max(0, sorted.size() - count); i--) {
      Arrival a = sorted.get(i);
      slowest.add(
          (a.latencyMs() - minusMs)
              + " ms at "
              + java.time.LocalTime.ofInstant(
                  java.time.Instant.ofEpochMilli(a.atMs()), java.time.ZoneOffset.UTC));
    }
    return String.join(", ", slowest);
  }

  private List<Arrival> byLatency() {
    List<Arrival> sorted;
    synchronized (arrivals) {
      sorted = new ArrayList<>(arrivals);
    }
    sorted.sort(java.util.Comparator.comparingLong(Arrival::latencyMs));
    return sorted;
  }

  void reset() {
    seen.clear();
    arrivals.clear();
    requests.set(0);
    alertsReceived.set(0);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
