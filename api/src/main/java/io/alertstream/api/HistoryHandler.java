package io.alertstream.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.alertstream.config.matchers.Matchers;
import io.alertstream.topology.history.AlertHistory;
import io.alertstream.topology.history.AlertTimeline;
import io.alertstream.topology.history.History;
import io.alertstream.topology.history.HistoryQuery;
import io.alertstream.topology.query.TenantSnapshots;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.apache.kafka.common.KafkaException;

/**
 * {@code GET /api/v1/history?from=…&to=…&filter=…}: each alert's firing periods in the range, with
 * the notifications sent about it and the spans in which it was silenced, inhibited or muted, read
 * back from Kafka. Bounded: a range of at most a week (the topics' retention), the records one
 * request reads (see {@code KafkaAlertHistory}), one request per tenant at a time and {@link
 * #MAX_RUNNING} in all, so that one tenant's long history never holds up the others. Answered by
 * the tenant's owner, whose config gives the resolve_timeout of alerts posted without an end.
 */
final class HistoryHandler extends TenantHandler {

  static final Duration DEFAULT_RANGE = Duration.ofHours(6);
  static final Duration MAX_RANGE = Duration.ofDays(7);

  /** History requests running at once on this server. */
  static final int MAX_RUNNING = 2;

  private final TenantSnapshots snapshots;
  private final Optional<AlertHistory> history;
  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private final Semaphore slots = new Semaphore(MAX_RUNNING);

  HistoryHandler(RequestTenant tenants, TenantSnapshots snapshots, Optional<AlertHistory> history) {
    super(tenants);
    this.snapshots = snapshots;
    this.history = history;
  }

  @Override
  void handle(HttpExchange exchange, String tenant) throws IOException, BadRequestException {
    if (!"GET".equals(exchange.getRequestMethod())) {
      throw methodNotAllowed(exchange, "GET");
    }
    if (history.isEmpty()) {
      throw new BadRequestException(501, "history is not available on this server");
    }
    QueryParams params = new QueryParams(exchange.getRequestURI());
    long now = snapshots.clock().millis();
    long to = time(params, "to", now);
    long from = time(params, "from", to - DEFAULT_RANGE.toMillis());
    if (to <= from) {
      throw new BadRequestException("to must be after from");
    }
    if (to - from > MAX_RANGE.toMillis()) {
      throw new BadRequestException(
          "the range from "
              + ApiJson.time(from)
              + " to "
              + ApiJson.time(to)
              + " is longer than "
              + MAX_RANGE.toDays()
              + " days, the retention of the alerts and decisions: give a later from or an"
              + " earlier to");
    }
    Matchers filter = AlertFilter.matchers(params);
    long resolveTimeout = snapshots.config(tenant).resolveTimeout().toMillis();
    if (!running.add(tenant)) {
      throw new BadRequestException(429, "a history request is already running for this tenant");
    }
    History answer;
    try {
      if (!slots.tryAcquire()) {
        exchange.getResponseHeaders().set("Retry-After", "2");
        throw new BadRequestException(
            503, "busy: " + MAX_RUNNING + " history requests are running; retry shortly");
      }
      try {
        answer =
            history.get().read(tenant, new HistoryQuery(from, to, now, filter, resolveTimeout));
      } catch (KafkaException e) {
        throw new BadRequestException(503, "the history could not be read from Kafka; retry");
      } finally {
        slots.release();
      }
    } finally {
      running.remove(tenant);
    }
    JsonResponses.json(exchange, 200, json(answer));
  }

  private static long time(QueryParams params, String name, long fallback)
      throws BadRequestException {
    Optional<String> text = params.first(name);
    if (text.isEmpty() || text.get().isEmpty()) {
      return fallback;
    }
    try {
      return Instant.parse(text.get()).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new BadRequestException(name + " must be an RFC 3339 time, not \"" + text.get() + "\"");
    }
  }

  static ObjectNode json(History history) {
    ObjectNode out = ApiJson.JSON.createObjectNode();
    out.put("from", ApiJson.time(history.from()));
    out.put("to", ApiJson.time(history.to()));
    out.put("scanned", history.scanned());
    out.put("unreadable", history.unreadable());
    out.put("truncated", history.truncated());
    out.put("completeFrom", ApiJson.time(history.completeFrom()));
    out.put("alertsOmitted", history.alertsOmitted());
    ArrayNode alerts = out.putArray("alerts");
    for (AlertTimeline a : history.alerts()) {
      ObjectNode alert = alerts.addObject();
      alert.put("fingerprint", a.fingerprint());
      ObjectNode labels = alert.putObject("labels");
      a.labels().forEach(labels::put);
      ArrayNode periods = alert.putArray("periods");
      for (AlertTimeline.Period p : a.periods()) {
        ObjectNode period = periods.addObject().put("start", ApiJson.time(p.start()));
        if (p.end() == null) {
          period.putNull("end");
        } else {
          period.put("end", ApiJson.time(p.end()));
        }
        period.put("clipped", p.clipped());
      }
      ArrayNode notifications = alert.putArray("notifications");
      for (AlertTimeline.Marker m : a.notifications()) {
        notifications
            .addObject()
            .put("at", ApiJson.time(m.at()))
            .put("id", m.ref())
            .put("text", m.text());
      }
      spans(alert.putArray("silenced"), a.silenced(), "silence");
      spans(alert.putArray("inhibited"), a.inhibited(), "by");
      spans(alert.putArray("muted"), a.muted(), "reason");
      alert.put("truncated", a.truncated());
    }
    return out;
  }

  private static void spans(ArrayNode out, List<AlertTimeline.Span> spans, String refName) {
    for (AlertTimeline.Span s : spans) {
      out.addObject()
          .put("from", ApiJson.time(s.from()))
          .put("to", ApiJson.time(s.to()))
          .put(refName, s.ref())
          .put("count", s.count())
          .put("text", s.text());
    }
  }
}
