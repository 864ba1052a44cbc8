package io.alertstream.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import io.alertstream.config.matchers.Matcher;
import io.alertstream.config.matchers.MatcherParser;
import io.alertstream.config.matchers.MatcherSyntaxException;
import io.alertstream.config.matchers.Matchers;
import io.alertstream.config.tenant.TenantLimits;
import io.alertstream.config.tenant.TenantLimitsSource;
import io.alertstream.schemas.SilenceEvent;
import io.alertstream.topology.query.TenantStateReader;
import io.alertstream.topology.silences.Silence;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alertmanager's silence endpoints: {@code GET/POST /api/v2/silences} and {@code GET/DELETE
 * /api/v2/silence/{id}}. Changes are written to the silences topic; the answer comes once the
 * topology holds them, so a read right after sees the change.
 */
final class SilencesHandler extends TenantHandler {

  private static final Duration APPLY_WAIT = Duration.ofSeconds(10);
  private static final String ONE = "/silence/";

  private final TenantStateReader state;
  private final SilenceSink sink;
  private final SilenceChanges changes;
  private final TenantLimitsSource limits;
  private final Clock clock;

  SilencesHandler(
      RequestTenant tenants,
      TenantStateReader state,
      SilenceSink sink,
      SilenceChanges changes,
      TenantLimitsSource limits,
      Clock clock) {
    super(tenants);
    this.state = state;
    this.sink = sink;
    this.changes = changes;
    this.limits = limits;
    this.clock = clock;
  }

  @Override
  void handle(HttpExchange exchange, String tenant)
      throws IOException, BadRequestException, InterruptedException {
    String path = exchange.getRequestURI().getPath();
    int one = path.indexOf(ONE);
    if (one >= 0) {
      String id = path.substring(one + ONE.length());
      if (id.isEmpty() || id.contains("/")) {
        throw new BadRequestException(404, "no such path: " + path);
      }
      switch (exchange.getRequestMethod()) {
        case "GET" -> getOne(exchange, tenant, id);
        case "DELETE" -> expire(exchange, tenant, id);
        default -> throw methodNotAllowed(exchange, "GET, DELETE");
      }
      return;
    }
    switch (exchange.getRequestMethod()) {
      case "GET" -> list(exchange, tenant);
      case "POST" -> post(exchange, tenant);
      default -> throw methodNotAllowed(exchange, "GET, POST");
    }
  }

  private void list(HttpExchange exchange, String tenant) throws IOException, BadRequestException {
    List<Matcher> filter = new ArrayList<>();
    for (String text : new QueryParams(exchange.getRequestURI()).all("filter")) {
      try {
        filter.add(MatcherParser.parse(text));
      } catch (MatcherSyntaxException e) {
        throw new BadRequestException("bad filter \"" + text + "\": " + e.getMessage());
      }
    }
    Matchers wanted = Matchers.of(filter);
    long now = clock.millis();
    List<Silence> silences = new ArrayList<>(state.silences(tenant));
    // Alertmanager lists active, then pending, then expired silences.
    silences.sort(
        Comparator.comparing((Silence s) -> order(s.state(now)))
            .thenComparing(s -> s.state(now) == Silence.State.EXPIRED ? -s.endsAt() : s.endsAt()));
    ArrayNode out = ApiJson.JSON.createArrayNode();
    for (Silence s : silences) {
      if (wanted.matches(asLabels(s))) {
        out.add(ApiJson.silence(s, now));
      }
    }
    JsonResponses.json(exchange, 200, out);
  }

  /** One silence's duration and matcher count against the tenant's limits (Alertmanager#3964). */
  private static void checkLimitsOfOne(PostableSilence request, TenantLimits limits, long now)
      throws BadRequestException {
    int maxMatchers = limits.maxSilenceMatchers();
    if (maxMatchers > 0 && request.matchers().size() > maxMatchers) {
      throw new BadRequestException(
          "silence has "
              + request.matchers().size()
              + " matchers, more than the tenant's limit of "
              + maxMatchers
              + " (alertmanager_max_silence_matchers_count)");
    }
    java.time.Duration max = limits.maxSilenceDuration();
    if (!max.isZero()) {
      java.time.Duration lasts =
          java.time.Duration.ofMillis(request.endsAt() - Math.max(request.startsAt(), now));
      if (lasts.compareTo(max) > 0) {
        throw new BadRequestException(
            "silence would last "
                + io.alertstream.config.yaml.Durations.format(lasts)
                + ", more than the tenant's limit of "
                + io.alertstream.config.yaml.Durations.format(max)
                + " (alertmanager_max_silence_duration); end it sooner");
      }
    }
  }

  private static int order(Silence.State state) {
    return switch (state) {
      case ACTIVE -> 0;
      case PENDING -> 1;
      case EXPIRED -> 2;
    };
  }

  /** A silence's matchers as a label set, as Alertmanager filters silences by labels. */
  private static Map<String, String> asLabels(Silence s) {
    Map<String, String> labels = new HashMap<>();
    for (Matcher m : s.parsedMatchers()) {
      labels.put(m.name(), m.value());
    }
    return labels;
  }

  private void getOne(HttpExchange exchange, String tenant, String id)
      throws IOException, BadRequestException {
    Silence silence =
        state
            .silence(tenant, id)
            .orElseThrow(() -> new BadRequestException(404, "silence " + id + " not found"));
    JsonResponses.json(exchange, 200, ApiJson.silence(silence, clock.millis()));
  }

  private void post(HttpExchange exchange, String tenant)
      throws IOException, BadRequestException, InterruptedException {
    PostableSilence request =
        PostableSilence.parse(exchange.getRequestBody().readNBytes(1024 * 1024));
    long now = clock.millis();
    Optional<Silence> existing =
        request.id().isEmpty() ? Optional.empty() : state.silence(tenant, request.id());
    TenantLimits tenantLimits = limits.forTenant(tenant);
    checkLimitsOfOne(request, tenantLimits, now);
    int maxSilences = tenantLimits.maxSilences();
    if (request.id().isEmpty() && maxSilences > 0) {
      long current =
          state.silences(tenant).stream()
              .filter(s -> s.state(now) != Silence.State.EXPIRED)
              .count();
      if (current >= maxSilences) {
        throw new BadRequestException(
            "tenant has reached its limit of "
                + maxSilences
                + " silences (alertmanager_max_silences_count); expire some first");
      }
    }
    SilenceChanges.Result result = changes.post(request, existing, now);
    for (SilenceEvent event : result.events()) {
      write(tenant, event);
    }
    JsonResponses.json(exchange, 200, Map.of("silenceID", result.id()));
  }

  private void expire(HttpExchange exchange, String tenant, String id)
      throws IOException, BadRequestException, InterruptedException {
    long now = clock.millis();
    write(tenant, changes.expire(id, state.silence(tenant, id), now));
    JsonResponses.empty(exchange, 200);
  }

  private void write(String tenant, SilenceEvent event)
      throws BadRequestException, InterruptedException {
    try {
      sink.write(tenant, event);
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      throw new BadRequestException(503, "the silence could not be stored, retry later");
    }
    long updatedAt = event.getUpdatedAt().toEpochMilli();
    if (!state.awaitSilence(tenant, event.getId(), s -> s.updatedAt() >= updatedAt, APPLY_WAIT)) {
      throw new BadRequestException(
          503, "the silence was stored but not applied within " + APPLY_WAIT.toSeconds() + " s");
    }
  }
}
