package io.alertstream.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.InvalidConfigException;
import io.alertstream.topology.query.TenantSnapshots;
import io.alertstream.topology.replay.Recorded;
import io.alertstream.topology.replay.WhatIf;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /api/v1/replay} with {@code {"alertmanager_config": "...", "from": "...", "to":
 * "..."}}: what the tenant's recorded alerts in that range would have sent under the candidate
 * config (the current one when it is left out), compared with what was sent. Nothing is delivered
 * and nothing is saved.
 */
final class ReplayHandler extends TenantHandler {

  static final Duration MAX_RANGE = Duration.ofDays(1);

  private final TenantSnapshots snapshots;
  private final Optional<WhatIf> whatIf;

  ReplayHandler(RequestTenant tenants, TenantSnapshots snapshots, Optional<WhatIf> whatIf) {
    super(tenants);
    this.snapshots = snapshots;
    this.whatIf = whatIf;
  }

  @Override
  void handle(HttpExchange exchange, String tenant) throws IOException, BadRequestException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      throw methodNotAllowed(exchange, "POST");
    }
    if (whatIf.isEmpty()) {
      throw new BadRequestException(501, "replay is not available on this server");
    }
    JsonNode body;
    try {
      body = ApiJson.JSON.readTree(exchange.getRequestBody().readNBytes(4 * 1024 * 1024));
    } catch (IOException e) {
      throw new BadRequestException(
          "body is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (body == null || !body.isObject()) {
      throw new BadRequestException(
          "body must be a JSON object with from, to and alertmanager_config");
    }
    long from = time(body, "from");
    long to = time(body, "to");
    if (to <= from) {
      throw new BadRequestException("to must be after from");
    }
    if (to - from > MAX_RANGE.toMillis()) {
      throw new BadRequestException("the range may be at most " + MAX_RANGE.toHours() + " hours");
    }
    String config =
        body.hasNonNull("alertmanager_config")
            ? body.path("alertmanager_config").asText()
            : snapshots
                .storedConfig(tenant)
                .map(c -> c.getAlertmanagerConfig())
                .orElseThrow(
                    () ->
                        new BadRequestException(
                            "the tenant has no config: give alertmanager_config"));
    try {
      new ConfigParser().parse(config);
    } catch (InvalidConfigException e) {
      throw new BadRequestException("alertmanager_config: " + e.getMessage());
    }
    WhatIf.Result result;
    try {
      result = whatIf.get().run(tenant, config, from, to);
    } catch (org.apache.kafka.common.KafkaException e) {
      throw new BadRequestException(
          503, "the recorded alerts could not be read from Kafka (" + e.getMessage() + "); retry");
    }
    ObjectNode out = ApiJson.JSON.createObjectNode();
    out.put("from", ApiJson.time(from));
    out.put("to", ApiJson.time(to));
    out.put("alerts", result.alerts());
    out.put("tookMs", result.tookMs());
    out.set("wouldSend", list(result.wouldSend()));
    out.set("sent", list(result.sent()));
    out.set("onlyInReplay", list(result.onlyInReplay()));
    out.set("onlyInLive", list(result.onlyInLive()));
    JsonResponses.json(exchange, 200, out);
  }

  private static ArrayNode list(List<Recorded.Sent> sent) {
    ArrayNode out = ApiJson.JSON.createArrayNode();
    for (Recorded.Sent s : sent) {
      ObjectNode item = ApiJson.JSON.valueToTree(s);
      item.put("at", ApiJson.time(s.at()));
      out.add(item);
    }
    return out;
  }

  private static long time(JsonNode body, String field) throws BadRequestException {
    String text = body.path(field).asText("");
    try {
      return Instant.parse(text).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new BadRequestException(field + " must be an RFC 3339 time, not \"" + text + "\"");
    }
  }
}
