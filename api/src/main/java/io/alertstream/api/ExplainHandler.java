package io.alertstream.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.alertstream.config.matchers.Matcher;
import io.alertstream.config.matchers.MatcherParser;
import io.alertstream.config.matchers.MatcherSyntaxException;
import io.alertstream.config.matchers.Matchers;
import io.alertstream.schemas.TenantConfig;
import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.explain.Explanation;
import io.alertstream.topology.query.TenantSnapshots;
import io.alertstream.topology.query.TenantStateReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/explain?fingerprint=...} or {@code ?filter=<matcher>&filter=...}: why the
 * alert (or each matching alert, at most {@value #MAX_ALERTS}) did or did not notify.
 */
final class ExplainHandler extends TenantHandler {

  static final int MAX_ALERTS = 20;

  private final TenantSnapshots snapshots;

  ExplainHandler(RequestTenant tenants, TenantSnapshots snapshots) {
    super(tenants);
    this.snapshots = snapshots;
  }

  @Override
  void handle(HttpExchange exchange, String tenant) throws IOException, BadRequestException {
    if (!"GET".equals(exchange.getRequestMethod())) {
      throw methodNotAllowed(exchange, "GET");
    }
    QueryParams params = new QueryParams(exchange.getRequestURI());
    TenantStateReader state = snapshots.state();
    List<Alert> alerts = state.alerts(tenant);
    List<String> fingerprints = new ArrayList<>();
    Optional<String> fingerprint = params.first("fingerprint");
    if (fingerprint.isPresent()) {
      fingerprints.add(fingerprint.get());
    } else if (!params.all("filter").isEmpty()) {
      Matchers wanted = filter(params.all("filter"));
      alerts.stream()
          .filter(a -> wanted.matches(a.labels()))
          .limit(MAX_ALERTS)
          .forEach(a -> fingerprints.add(a.fingerprint()));
    } else {
      throw new BadRequestException(
          "say which alert: ?fingerprint=<fingerprint> or ?filter=<matcher> (repeatable)");
    }
    Explanation.Inputs common =
        new Explanation.Inputs(
            snapshots.config(tenant),
            snapshots.storedConfig(tenant).map(TenantConfig::getVersion).orElse(0L),
            alerts,
            state.silences(tenant),
            state.groups(tenant),
            List.of(),
            state.notifications(tenant),
            snapshots.clock().millis());
    ArrayNode out = ApiJson.JSON.createArrayNode();
    for (String fp : fingerprints) {
      Explanation e =
          Explanation.of(
              fp,
              new Explanation.Inputs(
                  common.config(),
                  common.configVersion(),
                  common.alerts(),
                  common.silences(),
                  common.groups(),
                  state.decisions(tenant, fp),
                  common.notifications(),
                  common.now()));
      ObjectNode item = out.addObject();
      item.put("fingerprint", e.fingerprint());
      ObjectNode labels = item.putObject("labels");
      e.labels().forEach(labels::put);
      ArrayNode now = item.putArray("now");
      e.now().forEach(now::add);
      ArrayNode timeline = item.putArray("timeline");
      for (Explanation.Step step : e.timeline()) {
        ObjectNode s = timeline.addObject();
        s.put("at", ApiJson.time(step.at()));
        s.put("kind", step.kind());
        s.put("text", step.text());
        s.put("link", step.link());
      }
    }
    JsonResponses.json(exchange, 200, out);
  }

  private static Matchers filter(List<String> texts) throws BadRequestException {
    List<Matcher> matchers = new ArrayList<>();
    for (String text : texts) {
      try {
        matchers.add(MatcherParser.parse(text));
      } catch (MatcherSyntaxException e) {
        throw new BadRequestException("bad filter \"" + text + "\": " + e.getMessage());
      }
    }
    return Matchers.of(matchers);
  }
}
