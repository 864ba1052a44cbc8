package io.alertstream.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * {@code ./alertstream explain}: asks a running Alertstream why an alert did or did not notify and
 * prints the answer. Arguments: a fingerprint, or label matchers such as {@code
 * alertname="DiskFull"}; {@code --alertmanager.url}, {@code --tenant}, {@code --password}.
 */
public final class ExplainCli {

  static final String USAGE =
      """
      usage: ./alertstream explain --tenant=T [--alertmanager.url=URL] [--password=P] \
      <fingerprint | matcher...>

      Asks a running Alertstream why an alert did or did not notify (GET /api/v1/explain).
        --tenant=T              the tenant (or ALERTSTREAM_TENANT)
        --alertmanager.url=URL  where Alertstream's API is (http://localhost:9093)
        --password=P            the tenant's password when the API requires basic auth
                                (or ALERTSTREAM_PASSWORD)
        fingerprint             an alert's 16 hex digit fingerprint, or label matchers such as
                                alertname="DiskFull" severity=~"warn.*"
        --help, -h              show this
      """;

  private ExplainCli() {}

  public static void main(String[] args) throws Exception {
    String url = "http://localhost:9093";
    String tenant = System.getenv().getOrDefault("ALERTSTREAM_TENANT", "");
    String password = System.getenv().getOrDefault("ALERTSTREAM_PASSWORD", "");
    List<String> selectors = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        System.out.print(USAGE);
        return;
      } else if (arg.startsWith("--alertmanager.url=")) {
        url = arg.substring("--alertmanager.url=".length());
      } else if (arg.startsWith("--tenant=")) {
        tenant = arg.substring("--tenant=".length());
      } else if (arg.startsWith("--password=")) {
        password = arg.substring("--password=".length());
      } else {
        selectors.add(arg);
      }
    }
    if (tenant.isEmpty() || selectors.isEmpty()) {
      System.err.print(USAGE);
      System.exit(2);
    }
    StringBuilder query = new StringBuilder();
    if (selectors.size() == 1 && selectors.get(0).matches("[0-9a-f]{16}")) {
      query.append("fingerprint=").append(selectors.get(0));
    } else {
      for (String s : selectors) {
        query.append(query.length() == 0 ? "" : "&").append("filter=").append(encode(s));
      }
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url.replaceAll("/$", "") + "/api/v1/explain?" + query));
    if (password.isEmpty()) {
      request.header("X-Scope-OrgID", tenant);
    } else {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((tenant + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body = new ObjectMapper().readTree(response.body());
    if (response.statusCode() != 200) {
      System.err.println("alertstream: " + body.path("message").asText(response.body()));
      System.exit(1);
    }
    if (body.isEmpty()) {
      System.out.println("no alert matches");
    }
    for (JsonNode alert : body) {
      System.out.println(
          "Alert " + alert.path("fingerprint").asText() + " " + alert.path("labels"));
      System.out.println("  Now:");
      alert.path("now").forEach(line -> System.out.println("    - " + line.asText()));
      System.out.println("  What happened:");
      if (alert.path("timeline").isEmpty()) {
        System.out.println("    nothing recorded in the last day");
      }
      for (JsonNode step : alert.path("timeline")) {
        System.out.println("    " + step.path("at").asText() + "  " + step.path("text").asText());
      }
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
