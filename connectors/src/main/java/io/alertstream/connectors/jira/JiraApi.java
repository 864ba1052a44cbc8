package io.alertstream.connectors.jira;

import io.alertstream.config.receivers.HttpClientConfig;
import io.alertstream.config.receivers.jira.JiraConfig;
import io.alertstream.connectors.delivery.Outbound;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The calls of Jira's REST API Alertmanager makes: paths joined to the configured API URL as Go's
 * {@code JoinPath} joins them, JSON bodies, Accept-Language en, authorization from http_config; 429
 * and 5xx retried, any other non-2xx a failure.
 */
final class JiraApi {

  static final Outbound.AnswerCheck RETRIER = Outbound.AnswerCheck.retrying(429);

  private final URI base;
  private final String apiType;
  private final HttpClientConfig http;

  JiraApi(JiraConfig settings) {
    this.base = settings.apiUrl();
    this.apiType = settings.apiType();
    this.http = settings.http();
  }

  /**
   * The search endpoint: v2 {@code /search} on Data Center (or an {@code auto} host that is not
   * Atlassian's cloud), v3 {@code /search/jql} on Jira Cloud, the legacy endpoint being gone there.
   */
  URI searchUrl() {
    boolean cloud =
        apiType.equals("cloud")
            || apiType.equals("auto")
                && base.getHost().toLowerCase(Locale.ROOT).endsWith("atlassian.net");
    if (apiType.equals("datacenter") || !cloud) {
      return join("search");
    }
    String v3 = join("search/jql").toString().replaceFirst("/rest/api/2/", "/rest/api/3/");
    return URI.create(v3);
  }

  /** Whether the API URL is version 3's, whose descriptions are Atlassian Document Format. */
  boolean documentFormat() {
    String path = base.getRawPath() == null ? "" : base.getRawPath();
    return path.replaceAll("/+$", "").endsWith("/3");
  }

  URI join(String path) {
    String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
    String query = base.getRawQuery() == null ? "" : "?" + base.getRawQuery();
    return URI.create(
        base.getScheme() + "://" + base.getRawAuthority() + basePath + "/" + path + query);
  }

  Outbound.HttpCall call(String method, URI url, String body) {
    return new Outbound.HttpCall(
        method,
        url,
        Outbound.HttpCall.jsonHeaders(Map.of("Accept-Language", "en")),
        body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8),
        http,
        List.of(),
        RETRIER);
  }
}
