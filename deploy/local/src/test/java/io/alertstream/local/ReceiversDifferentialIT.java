package io.alertstream.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Alertmanager 0.25 (Debian's package) and Alertstream get the same config and the same
 * alerts, for the seven receiver types both have whose endpoint can be a local server (Discord,
 * OpsGenie, SNS, Telegram, VictorOps, Webex, WeChat). A stub answers each as the real API does on
 * success; the requests each system sends while the alerts fire and once they are resolved must
 * match in method, path and query, the headers that carry meaning, and the body (JSON as a tree,
 * SNS's form as its decoded parameters). What Alertstream sends differently on purpose, mostly
 * where it follows current Alertmanager rather than 0.25, is listed in {@link #DELIBERATE} with the
 * reason, and only that is set aside.
 */
class ReceiversDifferentialIT {

  private static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
  private static final String AM_EXTERNAL = "http://am.example:9093";
  private static final String TENANT = "receivers-diff-tenant";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The path prefix of the APIs of the receiver whose every integration has its options set (the
   * other receiver's have their defaults).
   */
  private static final String OPTIONS = "opt/";

  /** The receiver types compared; each is the first segment of its requests' path. */
  private static final List<String> TYPES =
      List.of("discord", "opsgenie", "sns", "telegram", "victorops", "webex", "wechat");

  /** The headers compared (by name, case-insensitively); a header one system leaves out differs. */
  private static final List<String> COMPARED_HEADERS = List.of("content-type", "authorization");

  /**
   * Headers not compared, and why. Every other header but those in {@link #COMPARED_HEADERS} is
   * transport detail too (Host, Accept-Encoding, Connection, ...).
   */
  static final Map<String, String> IGNORED_HEADERS =
      Map.of(
          "User-Agent",
          "Alertstream names itself (Alertstream/<version>); Alertmanager sends Alertmanager/0.25.0,"
              + " Go-http-client/1.1 (telegram, through telebot) or aws-sdk-go/... (sns)",
          "Content-Length",
          "bodies are compared as values: Go's encoder ends JSON with a newline and escapes <, >, &"
              + " as \\u003c...; Jackson does neither",
          "X-Amz-Date",
          "the signing time; compared only as the date of the SigV4 credential scope",
          "Authorization (sns) signature and SignedHeaders",
          "time-dependent, and the headers signed are the signer's choice (AWS SDK for Java v2"
              + " versus Go SDK v1); the scheme and the credential scope are compared");

  /**
   * What Alertstream sends differently from Alertmanager 0.25 on purpose, per type: a JSON pointer
   * into the compared request ({@code /method}, {@code /path}, {@code /headers/<name>}, {@code
   * /body/...}), the reason, and how both sides are normalised before comparing (null: the field is
   * removed from both).
   */
  static final List<Deliberate> DELIBERATE =
      List.of(
          new Deliberate(
              "sns",
              "/path",
              "0.25's AWS SDK for Go v1 appends '/' to the endpoint's path (api_url .../sns is"
                  + " posted to .../sns/); current Alertmanager (0.34, SDK v2, smithy JoinPath)"
                  + " posts to the api_url's path as given, as Alertstream does",
              p -> new TextNode(p.asText().replaceAll("/$", ""))),
          new Deliberate(
              "sns",
              "/headers/content-type",
              "0.25's SDK v1 sends 'application/x-www-form-urlencoded; charset=utf-8'; SDK v2"
                  + " (current Alertmanager) and Alertstream send it without the charset (the body"
                  + " is ASCII, percent-encoded, either way)",
              ct -> new TextNode(ct.asText().replaceAll("(?i); charset=utf-8$", ""))),
          new Deliberate(
              "sns",
              "/body/MessageAttributes",
              "0.25's SDK v1 writes an empty attribute map as an empty 'MessageAttributes='"
                  + " parameter; SDK v2 (current Alertmanager) and Alertstream send no parameter"
                  + " for no attributes",
              null),
          new Deliberate(
              "webex",
              OPTIONS,
              "/body/roomId",
              "0.25 sends room_id as written, '{{ }}' and all; current Alertmanager renders it as"
                  + " a template (0.28+), as Alertstream does",
              null));

  /**
   * A deliberate difference: see {@link #DELIBERATE}. {@code onlyIn}: null where it applies to both
   * receivers, else the path prefix of the one it applies to ({@link #OPTIONS}).
   */
  record Deliberate(
      String type,
      String onlyIn,
      String pointer,
      String reason,
      UnaryOperator<JsonNode> normalise) {

    Deliberate(String type, String pointer, String reason, UnaryOperator<JsonNode> normalise) {
      this(type, null, pointer, reason, normalise);
    }

    boolean appliesTo(String api) {
      return api.endsWith(type) && (onlyIn == null || api.startsWith(onlyIn));
    }
  }

  private static final WireMockServer stubs = new WireMockServer(wireMockConfig().dynamicPort());
  private static Process alertmanager;
  private static int alertmanagerPort;
  private static LocalStack stack;

  @BeforeAll
  static void start() throws Exception {
    TestStacks.requireBinary(BINARY);
    stubs.start();
    stubAnswers();
    stack = TestStacks.shared();
    Path dir = Files.createTempDirectory("receivers-diff");
    alertmanagerPort = TestStacks.freePort();
    Path configFile = dir.resolve("alertmanager.yml");
    Files.writeString(configFile, config("am"));
    alertmanager =
        new ProcessBuilder(
                BINARY.toString(),
                "--config.file=" + configFile,
                "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + alertmanagerPort,
                "--cluster.listen-address=",
                "--web.external-url=" + AM_EXTERNAL)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("alertmanager.log").toFile())
            .start();
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> status("http://127.0.0.1:" + alertmanagerPort + "/-/ready") == 200);
    TestStacks.publishConfig(stack, TENANT, config("as"));
  }

  @AfterAll
  static void stop() {
    if (alertmanager != null) {
      alertmanager.destroy();
    }
    stubs.stop();
  }

  /** Each API's answer to a successful call, the same for both systems. */
  private static void stubAnswers() {
    stubs.stubFor(
        any(anyUrl())
            .atPriority(10)
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{}")));
    stubs.stubFor(
        get(urlPathMatching("/(am|as)(/opt)?/wechat/gettoken"))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"wechat-token\","
                            + "\"expires_in\":7200}")));
    stubs.stubFor(
        post(urlPathMatching("/(am|as)(/opt)?/wechat/message/send"))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    stubs.stubFor(
        post(urlPathMatching("/(am|as)(/opt)?/telegram/bot[^/]+/sendMessage"))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"ok\":true,\"result\":{\"message_id\":1,\"date\":0,"
                            + "\"chat\":{\"id\":42,\"type\":\"private\"}}}")));
    stubs.stubFor(
        post(urlPathMatching("/(am|as)(/opt)?/sns/?"))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/xml")
                    .withBody(
                        "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
                            + "<PublishResult><MessageId>94f20ce6-13c5-43a0-9a9e-ca52d816e90b"
                            + "</MessageId></PublishResult><ResponseMetadata><RequestId>"
                            + "f187a3c1-376f-11df-8963-01868b7c937a</RequestId>"
                            + "</ResponseMetadata></PublishResponse>")));
  }

  /** One config for both systems; {@code system} only changes the path prefix of every API. */
  private static String config(String system) {
    String base = stubs.baseUrl() + "/" + system;
    return "global:\n"
        + "  opsgenie_api_url: '"
        + base
        + "/opsgenie/'\n"
        + "  victorops_api_url: '"
        + base
        + "/victorops/'\n"
        + "  wechat_api_url: '"
        + base
        + "/wechat/'\n"
        + "  telegram_api_url: '"
        + base
        + "/telegram'\n"
        + "  webex_api_url: '"
        + base
        + "/webex/'\n"
        + "route:\n  receiver: all\n  group_by: [alertname]\n  group_wait: 3s\n"
        + "  group_interval: 2s\n  repeat_interval: 1h\n"
        + "  routes:\n  - matchers: ['alertname=\"RecvDiffOptions\"']\n    receiver: options\n"
        + "receivers:\n- name: all\n"
        + "  opsgenie_configs:\n  - api_key: og-key\n    send_resolved: true\n"
        + "  victorops_configs:\n  - api_key: vo-key\n    routing_key: vo-route\n"
        + "    send_resolved: true\n"
        + "  wechat_configs:\n  - api_secret: wc-secret\n    corp_id: wc-corp\n"
        + "    to_user: '@all'\n    agent_id: '1000002'\n    send_resolved: true\n"
        + "  telegram_configs:\n  - bot_token: tg-token\n    chat_id: 42\n    send_resolved: true\n"
        + "  webex_configs:\n  - room_id: room-1\n    http_config:\n      authorization:\n"
        + "        credentials: wx-token\n    send_resolved: true\n"
        + "  discord_configs:\n  - webhook_url: '"
        + base
        + "/discord/hook'\n    send_resolved: true\n"
        + "  sns_configs:\n  - api_url: '"
        + base
        + "/sns'\n    sigv4:\n      region: us-east-1\n      access_key: AKIDEXAMPLE\n"
        + "      secret_key: sk-example\n"
        + "    topic_arn: 'arn:aws:sns:us-east-1:123456789012:alerts'\n    send_resolved: true\n"
        + options(base + "/" + OPTIONS);
  }

  /**
   * A receiver whose integrations set the options Alertmanager 0.25 has, templates included; every
   * API under {@code base}.
   */
  private static String options(String base) {
    return "- name: options\n"
        + "  opsgenie_configs:\n  - api_key: og-key-2\n    api_url: '"
        + base
        + "opsgenie/'\n"
        + "    message: '{{ .CommonLabels.alertname }} x{{ .Alerts.Firing | len }}'\n"
        + "    description: 'desc {{ .Status }} {{ .CommonAnnotations.summary }}'\n"
        + "    source: 'src-{{ .Receiver }}'\n"
        + "    details: {team: '{{ .CommonLabels.severity }}', alertname: overridden}\n"
        + "    responders:\n    - {name: 'ops,dba', type: teams}\n"
        + "    - {id: 'id-{{ .CommonLabels.severity }}', type: user}\n"
        + "    - {username: 'u1', type: '{{ if true }}escalation{{ end }}'}\n"
        + "    tags: 'a, b,,{{ .CommonLabels.severity }}'\n"
        + "    note: 'note {{ .CommonLabels.severity }}'\n    priority: P2\n    entity: db\n"
        + "    actions: 'restart,  page'\n    update_alerts: true\n"
        + "  victorops_configs:\n  - api_key: vo-key-2\n    api_url: '"
        + base
        + "victorops'\n    routing_key: 'rk-{{ .CommonLabels.severity }}'\n"
        + "    message_type: '{{ if eq .CommonLabels.severity \"critical\" }}WARNING"
        + "{{ else }}INFO{{ end }}'\n"
        + "    entity_display_name: 'edn {{ .CommonLabels.alertname }}'\n"
        + "    state_message: 'sm {{ .Status }} <{{ .CommonAnnotations.summary }}>'\n"
        + "    monitoring_tool: 'mt {{ .Receiver }}'\n"
        + "    custom_fields: {field_a: 'fa {{ .Status }}', env: prod}\n"
        + "  wechat_configs:\n  - api_url: '"
        + base
        + "wechat'\n    api_secret: wc-secret-2\n    corp_id: wc-corp-2\n"
        + "    message: '**{{ .Status }}** {{ .CommonLabels.alertname }} & <x>'\n"
        + "    message_type: markdown\n    to_party: '2'\n    to_tag: '3'\n"
        + "    agent_id: '1000003'\n    send_resolved: true\n"
        + "  telegram_configs:\n  - api_url: '"
        + base
        + "telegram'\n    bot_token: tg-token-2\n    chat_id: -1001234\n"
        + "    message: '*{{ .Status }}* {{ .CommonLabels.alertname }} <b>&'\n"
        + "    parse_mode: Markdown\n    disable_notifications: true\n"
        + "  webex_configs:\n  - api_url: '"
        + base
        + "webex'\n    room_id: 'room-{{ .CommonLabels.severity }}'\n"
        + "    message: 'wx {{ .Status }} {{ .CommonLabels.alertname }}'\n"
        + "    http_config:\n      authorization:\n        type: Token\n"
        + "        credentials: wx-token-2\n"
        + "  discord_configs:\n  - webhook_url: '"
        + base
        + "discord/hook2?wait=true'\n"
        + "    title: 'T {{ .Status }} {{ .CommonLabels.alertname }}'\n"
        + "    message: 'M {{ .CommonAnnotations.summary }}'\n"
        + "  sns_configs:\n  - api_url: '"
        + base
        + "sns/'\n    sigv4:\n      region: eu-west-1\n      access_key: AKIDOTHER\n"
        + "      secret_key: sk-other\n"
        + "    topic_arn: 'arn:aws:sns:eu-west-1:123456789012:alerts-{{ .CommonLabels.severity }}"
        + ".fifo'\n"
        + "    subject: 'S {{ .Status }}'\n"
        + "    message: 'M {{ .CommonLabels.alertname }} é'\n"
        + "    attributes: {sev: '{{ .CommonLabels.severity }}', b: two}\n";
  }

  @Test
  void everyReceiverWithItsDefaultsSendsWhatAlertmanagerSends() throws Exception {
    compare("RecvDiffDisk", "", Map.of());
  }

  @Test
  void everyReceiverWithItsOptionsSendsWhatAlertmanagerSends() throws Exception {
    // With update_alerts, OpsGenie's firing notification is a create and two updates.
    compare("RecvDiffOptions", OPTIONS, Map.of("opsgenie", 3));
  }

  /**
   * Posts two alerts named {@code alertname} to both systems, firing then resolved, and compares
   * every request to the APIs under {@code prefix}: one per type while firing (or as {@code
   * firingCalls} says), one once resolved; WeChat's token fetches aside.
   */
  private static void compare(String alertname, String prefix, Map<String, Integer> firingCalls)
      throws Exception {
    Instant startsAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String firing = alerts(alertname, startsAt, null);
    postAlertmanager(firing);
    assertThat(TestStacks.postAlerts(stack, TENANT, firing).statusCode()).isEqualTo(200);
    awaitNotifications(prefix, type -> firingCalls.getOrDefault(type, 1));

    String resolved =
        alerts(alertname, startsAt, Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS));
    postAlertmanager(resolved);
    assertThat(TestStacks.postAlerts(stack, TENANT, resolved).statusCode()).isEqualTo(200);
    awaitNotifications(prefix, type -> firingCalls.getOrDefault(type, 1) + 1);
    // Long enough for a further group_interval: a retry or a duplicate would show.
    Thread.sleep(3_000);

    List<String> differences = new ArrayList<>();
    for (String type : TYPES) {
      String api = prefix + type;
      List<ObjectNode> am = comparable("am", api, AM_EXTERNAL, true);
      List<ObjectNode> as = comparable("as", api, stack.apiUrl(), true);
      System.out.println(api + " requests, as Alertmanager 0.25 sent them: " + am);
      // WeChat fetches a token, then sends; both keep the token, so the second send needs none.
      // Alertstream keeps one per connector worker, so it may fetch it again: each fetch is
      // compared with Alertmanager's one.
      if (type.equals("wechat")) {
        List<ObjectNode> amTokens = tokenFetches(am);
        List<ObjectNode> asTokens = tokenFetches(as);
        assertThat(amTokens).as("Alertmanager's gettoken calls").hasSize(1);
        assertThat(asTokens).as("Alertstream's gettoken calls").isNotEmpty();
        for (ObjectNode token : asTokens) {
          if (!token.equals(amTokens.get(0))) {
            differences.add(
                api
                    + " gettoken\n  Alertstream:  "
                    + token
                    + "\n  Alertmanager: "
                    + amTokens.get(0));
          }
        }
        am.removeAll(amTokens);
        as.removeAll(asTokens);
      }
      int calls = firingCalls.getOrDefault(type, 1) + 1;
      assertThat(am).as("Alertmanager's %s requests", api).hasSize(calls);
      assertThat(as).as("Alertstream's %s requests\n%s", api, as).hasSize(calls);
      for (int i = 0; i < am.size(); i++) {
        if (!as.get(i).equals(am.get(i))) {
          differences.add(
              api
                  + " request "
                  + i
                  + (i < calls - 1 ? " (firing)" : " (resolved)")
                  + "\n  Alertstream:  "
                  + as.get(i)
                  + "\n  Alertmanager: "
                  + am.get(i));
        }
      }
    }
    assertThat(differences).as(String.join("\n", differences)).isEmpty();

    // Each deliberate difference is still one: a stale entry would hide a field for nothing.
    for (Deliberate d : DELIBERATE) {
      if (!prefix.equals(d.onlyIn() == null ? "" : d.onlyIn())) {
        continue;
      }
      List<ObjectNode> am = comparable("am", prefix + d.type(), AM_EXTERNAL, false);
      List<ObjectNode> as = comparable("as", prefix + d.type(), stack.apiUrl(), false);
      boolean differs = false;
      for (int i = 0; i < Math.min(am.size(), as.size()); i++) {
        differs |= !am.get(i).at(d.pointer()).equals(as.get(i).at(d.pointer()));
      }
      assertThat(differs)
          .as("%s%s %s is listed as deliberate but is the same", prefix, d.type(), d.pointer())
          .isTrue();
    }
  }

  @Test
  void theDeliberateDifferencesAreOfListedTypesAndFields() {
    for (Deliberate d : DELIBERATE) {
      assertThat(TYPES).contains(d.type());
      assertThat(d.onlyIn()).isIn(null, OPTIONS);
      assertThat(d.pointer()).matches("/(method|path|headers/[a-z-]+|body(/.*)?)");
      assertThat(d.reason()).isNotBlank();
    }
  }

  private static List<ObjectNode> tokenFetches(List<ObjectNode> requests) {
    return requests.stream()
        .filter(r -> r.path("path").asText().startsWith("/wechat/gettoken"))
        .toList();
  }

  /**
   * Waits until each system has sent as many requests as {@code each} says to every type's API
   * under {@code prefix} (WeChat's token fetches aside).
   */
  private static void awaitNotifications(String prefix, ToIntFunction<String> each) {
    await()
        .atMost(Duration.ofSeconds(40))
        .untilAsserted(
            () -> {
              for (String system : List.of("am", "as")) {
                for (String type : TYPES) {
                  long sent =
                      requests(system, prefix + type).stream()
                          .filter(r -> !r.getUrl().contains("/gettoken"))
                          .count();
                  assertThat(sent)
                      .as("%s %s%s", system, prefix, type)
                      .isGreaterThanOrEqualTo(each.applyAsInt(type));
                }
              }
            });
  }

  /**
   * A system's requests to one API ({@code <type>} or {@code opt/<type>}), in the order they
   * arrived.
   */
  private static List<LoggedRequest> requests(String system, String api) {
    return stubs.findAll(anyRequestedFor(urlPathMatching("/" + system + "/" + api + "(/.*)?")));
  }

  /**
   * A system's requests to one type's API as the test compares them: method, path and query after
   * the system's prefix, the compared headers, and the body (JSON as a tree, a form as its decoded
   * parameters, the system's external URL as EXTERNAL), with the deliberate differences applied
   * when {@code deliberate}.
   */
  private static List<ObjectNode> comparable(
      String system, String api, String externalUrl, boolean deliberate) {
    String type = api.substring(api.lastIndexOf('/') + 1);
    List<ObjectNode> out = new ArrayList<>();
    for (LoggedRequest r : requests(system, api)) {
      ObjectNode node = JSON.createObjectNode();
      node.put("method", r.getMethod().getName());
      node.put("path", r.getUrl().substring(system.length() + 1 + api.length() - type.length()));
      ObjectNode headers = node.putObject("headers");
      for (String name : COMPARED_HEADERS) {
        if (r.containsHeader(name)) {
          headers.put(name, r.getHeader(name));
        }
      }
      if (type.equals("sns") && headers.has("authorization")) {
        headers.put("authorization", sigV4Scope(r));
      }
      node.set("body", body(r, externalUrl));
      for (Deliberate d : DELIBERATE) {
        if (deliberate && d.appliesTo(api)) {
          apply(node, d);
        }
      }
      out.add(node);
    }
    return out;
  }

  private static void apply(ObjectNode node, Deliberate d) {
    String parentPointer = d.pointer().substring(0, d.pointer().lastIndexOf('/'));
    String field = d.pointer().substring(d.pointer().lastIndexOf('/') + 1);
    JsonNode parent = parentPointer.isEmpty() ? node : node.at(parentPointer);
    if (parent instanceof ObjectNode object && object.has(field)) {
      if (d.normalise() == null) {
        object.remove(field);
      } else {
        object.set(field, d.normalise().apply(object.get(field)));
      }
    }
  }

  private static final Pattern SIGV4 =
      Pattern.compile(
          "(AWS4-HMAC-SHA256) Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request,.*");

  /**
   * The scheme and credential scope of a SigV4 Authorization header, the scope's date checked
   * against the request's X-Amz-Date (the signature and the headers signed are not compared).
   */
  private static String sigV4Scope(LoggedRequest r) {
    String authorization = r.getHeader("Authorization");
    Matcher m = SIGV4.matcher(authorization);
    if (!m.matches()) {
      return authorization;
    }
    String amzDate = r.containsHeader("X-Amz-Date") ? r.getHeader("X-Amz-Date") : "";
    String date = amzDate.startsWith(m.group(3)) ? "<X-Amz-Date's date>" : m.group(3);
    return m.group(1)
        + " Credential="
        + m.group(2)
        + "/"
        + date
        + "/"
        + m.group(4)
        + "/"
        + m.group(5)
        + "/aws4_request";
  }

  private static JsonNode body(LoggedRequest r, String externalUrl) {
    String text = r.getBodyAsString();
    String contentType = r.containsHeader("Content-Type") ? r.getHeader("Content-Type") : "";
    if (text.isEmpty()) {
      return new TextNode("");
    }
    if (contentType.startsWith("application/x-www-form-urlencoded")) {
      Map<String, String> form = new TreeMap<>();
      for (String pair : text.split("&")) {
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        form.put(
            URLDecoder.decode(key, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
      return normalise(JSON.valueToTree(form), externalUrl);
    }
    try {
      return normalise(JSON.readTree(text), externalUrl);
    } catch (Exception notJson) {
      return new TextNode(text.replace(externalUrl, "EXTERNAL"));
    }
  }

  /** Each system's external URL becomes EXTERNAL. */
  private static JsonNode normalise(JsonNode node, String externalUrl) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        field.setValue(normalise(field.getValue(), externalUrl));
      }
      return object;
    }
    if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, normalise(array.get(i), externalUrl));
      }
      return array;
    }
    if (node.isTextual()) {
      return new TextNode(node.asText().replace(externalUrl, "EXTERNAL"));
    }
    return node;
  }

  /** Two alerts of one group, firing or (with endsAt in the past) resolved. */
  private static String alerts(String alertname, Instant startsAt, Instant endsAt)
      throws Exception {
    List<Map<String, Object>> alerts = new ArrayList<>();
    for (String instance : List.of("db-2", "db-1")) {
      Map<String, Object> alert = new LinkedHashMap<>();
      alert.put(
          "labels", Map.of("alertname", alertname, "severity", "critical", "instance", instance));
      alert.put(
          "annotations",
          Map.of("summary", "Disk <90%> & rising", "description", instance + " is \"full\" é"));
      alert.put("generatorURL", "http://prometheus.example/graph?g0.expr=disk");
      alert.put("startsAt", startsAt.toString());
      if (endsAt != null) {
        alert.put("endsAt", endsAt.toString());
      }
      alerts.add(alert);
    }
    return JSON.writeValueAsString(alerts);
  }

  private static void postAlertmanager(String json) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + alertmanagerPort + "/api/v2/alerts"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private static int status(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
