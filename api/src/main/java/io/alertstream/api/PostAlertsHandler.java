package io.alertstream.api;

import com.sun.net.httpserver.HttpExchange;
import io.alertstream.config.tenant.TenantLimits;
import io.alertstream.config.tenant.TenantLimitsSource;
import io.alertstream.schemas.AlertEvent;
import io.alertstream.topology.metrics.TopologyMetrics;
import io.alertstream.topology.query.TenantStateReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v2/alerts}: validates a tenant's alerts, applies its alert limits and hands the
 * accepted ones on.
 */
final class PostAlertsHandler extends TenantHandler {

  private static final Logger LOG = LoggerFactory.getLogger(PostAlertsHandler.class);
  static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private final AlertSink sink;
  private final TenantStateReader state;
  private final TenantLimitsSource limits;
  private final TopologyMetrics metrics;
  private final Clock clock;
  private final PostableAlertParser parser = new PostableAlertParser();

  PostAlertsHandler(
      RequestTenant tenants,
      AlertSink sink,
      TenantStateReader state,
      TenantLimitsSource limits,
      TopologyMetrics metrics,
      Clock clock) {
    super(tenants);
    this.sink = sink;
    this.state = state;
    this.limits = limits;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Only the alert limits read the tenant's state; without them any instance takes alerts. */
  @Override
  boolean needsOwner(HttpExchange exchange, String tenant) {
    return AlertLimits.enabled(limits.forTenant(tenant));
  }

  @Override
  void handle(HttpExchange exchange, String tenant) throws IOException, BadRequestException {
    byte[] body = readBody(exchange.getRequestBody());
    if (body == null) {
      throw new BadRequestException(413, "body is larger than " + MAX_BODY_BYTES + " bytes");
    }
    PostableAlertParser.Result result;
    try {
      result = parser.parse(body, clock.instant());
    } catch (PostableAlertParser.MalformedBodyException e) {
      throw new BadRequestException(e.getMessage());
    }
    List<AlertEvent> accepted = result.alerts();
    List<String> problems = new ArrayList<>(result.problems());
    result.problems().forEach(p -> metrics.alertInvalid(tenant));
    TenantLimits tenantLimits = limits.forTenant(tenant);
    if (AlertLimits.enabled(tenantLimits) && !accepted.isEmpty()) {
      AlertLimits.Decision decision =
          AlertLimits.apply(tenantLimits, state.alerts(tenant), accepted);
      accepted = decision.accepted();
      problems.addAll(decision.refused());
      decision.refused().forEach(r -> metrics.alertInsertLimited(tenant));
    }
    if (!accepted.isEmpty()) {
      try {
        sink.submit(tenant, accepted);
      } catch (Exception e) {
        LOG.error("tenant {}: could not store {} alerts", tenant, accepted.size(), e);
        throw new BadRequestException(
            503, "alerts could not be stored, retry later: " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException(String.join("; ", problems));
    }
    JsonResponses.empty(exchange, 200);
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    return body.length > MAX_BODY_BYTES ? null : body;
  }
}
