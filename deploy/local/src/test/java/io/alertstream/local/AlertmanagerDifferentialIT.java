package io.alertstream.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Alertmanager 0.25 (Debian's package) and Alertstream get the same config and the same
 * alerts; the Slack, PagerDuty and webhook requests both send must match field by field, once each
 * system's external URL is set aside and times are compared as instants. Emails go to one GreenMail
 * SMTP server per system and must match in subject, headers, parts' types and transfer encodings,
 * and decoded bodies.
 */
class AlertmanagerDifferentialIT {

  private static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
  private static final String AM_EXTERNAL = "http://am.example:9093";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final WireMockServer capture = new WireMockServer(wireMockConfig().dynamicPort());
  private static Process alertmanager;
  private static int alertmanagerPort;
  private static Path workDir;
  private static LocalStack stack;

  /** One SMTP server per system, so their emails can be told apart by where they arrived. */
  private static final Map<String, GreenMail> smtp = new LinkedHashMap<>();

  /**
   * A second Alertmanager whose template files define built-in names ({@code __subject}, ...), as
   * the tenant {@code diff-override-tenant} does in Alertstream: Alertmanager's templates are
   * global, so the override cannot share the first one.
   */
  private static Process overridingAlertmanager;

  private static int overridingPort;

  @BeforeAll
  static void start() throws Exception {
    TestStacks.requireBinary(BINARY);
    capture.start();
    capture.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("ok")));
    for (String system : List.of("am", "as")) {
      GreenMail server =
          new GreenMail(
              new ServerSetup(TestStacks.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
      smtp.put(system, server);
    }
    stack = TestStacks.shared();
    workDir = Files.createTempDirectory("alertmanager-diff");
    alertmanagerPort = TestStacks.freePort();
    alertmanager =
        launch(
            workDir.resolve("main"),
            config("am"),
            Map.of("diff.tmpl", TEMPLATES, "corpus.tmpl", CORPUS, "mail.tmpl", MAIL_TEMPLATES),
            alertmanagerPort);
    overridingPort = TestStacks.freePort();
    overridingAlertmanager =
        launch(
            workDir.resolve("overriding"),
            overridingConfig("am"),
            Map.of("override.tmpl", OVERRIDES),
            overridingPort);
    TestStacks.publishConfig(
        stack,
        "diff-tenant",
        config("as"),
        Map.of("diff.tmpl", TEMPLATES, "corpus.tmpl", CORPUS, "mail.tmpl", MAIL_TEMPLATES));
    TestStacks.publishConfig(
        stack, "diff-override-tenant", overridingConfig("as"), Map.of("override.tmpl", OVERRIDES));
  }

  /** Starts Alertmanager on {@code port} with a config and template files, and waits for it. */
  private static Process launch(Path dir, String config, Map<String, String> templates, int port)
      throws Exception {
    Files.createDirectories(dir);
    for (Map.Entry<String, String> file : templates.entrySet()) {
      Files.writeString(dir.resolve(file.getKey()), file.getValue());
    }
    Path configFile = dir.resolve("alertmanager.yml");
    Files.writeString(configFile, "templates: ['" + dir.resolve("*.tmpl") + "']\n" + config);
    Process process =
        new ProcessBuilder(
                BINARY.toString(),
                "--config.file=" + configFile,
                "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=",
                "--web.external-url=" + AM_EXTERNAL)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("alertmanager.log").toFile())
            .start();
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> get("http://127.0.0.1:" + port + "/-/ready") == 200);
    return process;
  }

  @AfterAll
  static void stop() {
    if (alertmanager != null) {
      alertmanager.destroy();
    }
    if (overridingAlertmanager != null) {
      overridingAlertmanager.destroy();
    }
    smtp.values().forEach(GreenMail::stop);
    capture.stop();
  }

  /** The global settings both configs share: where each system's Slack and SMTP traffic goes. */
  private static String global(String system) {
    return "global:\n  slack_api_url: '"
        + capture.baseUrl()
        + "/"
        + system
        + "/slack'\n  smtp_smarthost: '127.0.0.1:"
        + smtp.get(system).getSmtp().getPort()
        + "'\n  smtp_from: 'Alerts <alerts@example.org>'\n  smtp_require_tls: false\n";
  }

  /**
   * One config for both systems; {@code system} only changes the capture paths and the SMTP server.
   */
  private static String config(String system) {
    String base = capture.baseUrl() + "/" + system;
    return global(system)
        + "route:\n  receiver: team.x\n  group_by: [alertname]\n  group_wait: 3s\n"
        + "  group_interval: 2s\n  repeat_interval: 1h\n"
        + "  routes:\n  - matchers: ['alertname=\"DiskTemplates\"']\n    receiver: templated\n"
        + "  - matchers: ['alertname=\"DiskCorpus\"']\n    receiver: corpus\n"
        + "  - matchers: ['alertname=\"DiffTruncate\"']\n    receiver: truncated\n"
        + "  - matchers: ['alertname=\"DiffMail\"']\n    receiver: mail\n"
        + "    group_by: [alertname, job, severity]\n"
        + "receivers:\n"
        + "- name: truncated\n  webhook_configs:\n  - url: '"
        + base
        + "/webhook-truncated'\n    max_alerts: 1\n"
        + "- name: mail\n  email_configs:\n  - to: 'oncall@example.org'\n"
        + "    text: '{{ template \"diff.mailtext\" . }}'\n"
        + "    html: '{{ template \"diff.mailhtml\" . }}'\n"
        + "    headers: {X-Severity: '{{ .CommonLabels.severity }} é'}\n"
        + "- name: team.x\n"
        + "  slack_configs:\n  - channel: '#ops'\n    send_resolved: true\n"
        + "    fields: [{title: Severity, value: '{{ .CommonLabels.severity }}'}]\n"
        + "    actions: [{type: button, text: Runbook, url: 'http://runbook.example/disk'}]\n"
        + "  pagerduty_configs:\n  - routing_key: rk-diff\n    url: '"
        + base
        + "/pagerduty'\n"
        + "  webhook_configs:\n  - url: '"
        + base
        + "/webhook'\n"
        + "- name: templated\n  slack_configs:\n  - api_url: '"
        + base
        + "/slack-templated'\n    send_resolved: true\n"
        + "    title: '{{ template \"diff.title\" . }}'\n"
        + "    text: '{{ template \"diff.text\" . }}'\n"
        + "    fields: [{title: Severity, value: '{{ .CommonLabels.severity | toUpper }}'}]\n"
        + "- name: corpus\n  slack_configs:\n  - api_url: '"
        + base
        + "/slack-corpus'\n    send_resolved: true\n    fields:\n"
        + corpusFields();
  }

  /**
   * The config of the Alertmanager (and tenant) whose templates replace built-in names: every
   * integration with its default settings.
   */
  private static String overridingConfig(String system) {
    String base = capture.baseUrl() + "/" + system;
    return global(system)
        + "route:\n  receiver: defaults\n  group_by: [alertname]\n  group_wait: 3s\n"
        + "  group_interval: 2s\n  repeat_interval: 1h\n"
        + "receivers:\n- name: defaults\n"
        + "  slack_configs:\n  - api_url: '"
        + base
        + "/ov-slack'\n    channel: '#ops'\n"
        + "  pagerduty_configs:\n  - routing_key: rk-override\n    url: '"
        + base
        + "/ov-pagerduty'\n"
        + "  email_configs:\n  - to: 'oncall@example.org'\n";
  }

  /** A tenant's own versions of built-in names that Alertmanager's defaults are made of. */
  private static final String OVERRIDES =
      "{{ define \"__subject\" }}{{ .Status | toUpper }} {{ .CommonLabels.alertname }}"
          + " x{{ len .Alerts }} [{{ .GroupLabels.SortedPairs.Values | join \",\" }}]{{ end }}\n"
          + "{{ define \"__alertmanager\" }}Team Alerting{{ end }}\n"
          + "{{ define \"__alertmanagerURL\" }}https://alerts.team.example/r/{{ .Receiver }}"
          + "{{ end }}\n"
          + "{{ define \"__text_alert_list\" }}{{ range . }}{{ .Labels.instance }}:"
          + " {{ .Annotations.description }};{{ end }}{{ end }}\n";

  /**
   * Email bodies: a text part with a line far longer than RFC 2045 allows, trailing white space and
   * non-ASCII; an HTML part printing values in element text and in every kind of attribute
   * html/template tells apart (URL attributes, quoted or not, before and after the query, with
   * unsafe schemes; plain attributes; attribute names), with final html and urlquery, and template
   * text html/template rewrites (a comment, a stray less-than sign).
   */
  private static final String MAIL_TEMPLATES =
      """
      {{ define "diff.mailtext" }}{{ .CommonAnnotations.long }}
      line two  \s
      \tend é{{ end }}
      {{ define "diff.mailhtml" }}<html><head><title>{{ template "__subject" . }}</title></head><body>
      T1[{{ .CommonAnnotations.summary }}]
      T2[<a href="{{ .CommonAnnotations.runbook }}">r</a>]
      T3[<a href="{{ .CommonAnnotations.danger }}">d</a>]
      T4[<a href='{{ .CommonAnnotations.runbook }}'>s</a>]
      T5[<img src="http://img.example/{{ .CommonAnnotations.path }}/x.png">]
      T6[<a href="http://search.example/?q={{ .CommonAnnotations.path }}&amp;n={{ len .Alerts }}">q</a>]
      T7[<a href={{ .CommonAnnotations.runbook }}>u</a>]
      T8[<a title="{{ .CommonAnnotations.summary }}" href="{{ template "__alertmanagerURL" . }}">am</a>]
      T9[<a href="{{ .CommonAnnotations.path | urlquery }}">uq</a>]
      T10[{{ "<b>" | html }} {{ .CommonAnnotations.path | urlquery }}]
      T11[<a href="{{ .CommonAnnotations.upper }}">up</a><a href="{{ .CommonAnnotations.rel }}">rel</a>]
      T12[<a href="{{ .CommonAnnotations.danger }}{{ .CommonAnnotations.runbook }}">twice</a>]
      T13[<a href="{{ .CommonAnnotations.mailto }}">m</a> <a data-url="{{ .CommonAnnotations.danger }}">du</a> <a class={{ .CommonAnnotations.summary }}>cu</a>]
      T14[<!-- c {{ .CommonAnnotations.summary }} --> after a < b]
      T15[<textarea>{{ .CommonAnnotations.summary }}</textarea>]
      T16[<a href="{{ .CommonAnnotations.pct }}">pct</a> <a href="x?{{ .CommonAnnotations.pct }}">pctq</a>]
      T17[{{ .CommonLabels.nope }}|{{ "a+b" | safeHtml }}|<a title="{{ "<i>x</i>&amp;" | safeHtml }}">sh</a>]
      T18[<a href="{{ html .CommonAnnotations.runbook }}">h</a> <p title="{{ .CommonAnnotations.summary | html }}">ht</p>]
      T19[<a {{ .CommonAnnotations.attr }}="x">an</a>]
      {{ range .Alerts }}<a href="{{ .GeneratorURL }}">{{ .Labels.instance }}: {{ .Annotations.description }}</a>
      {{ end }}</body></html>{{ end }}
      """;

  /** The corpus: one template per Slack field, so one message carries every rendering. */
  private static final String CORPUS = corpus();

  private static String corpus() {
    try (var in =
        AlertmanagerDifferentialIT.class.getResourceAsStream("/template-corpus/corpus.tmpl")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> corpusNames() {
    List<String> names = new java.util.ArrayList<>();
    var m = java.util.regex.Pattern.compile("define \"(c\\d+)\"").matcher(CORPUS);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static String corpusFields() {
    StringBuilder out = new StringBuilder();
    for (String name : corpusNames()) {
      out.append("    - {title: ")
          .append(name)
          .append(", value: '{{ template \"")
          .append(name)
          .append("\" . }}'}\n");
    }
    return out.toString();
  }

  /**
   * Templates exercising what teams write: conditionals on status, label sorting and removal, regex
   * replace and match, time formatting, ranges with variables, printf, escapers.
   */
  private static final String TEMPLATES =
      "{{ define \"diff.title\" }}[{{ .Status | toUpper }}{{ if eq .Status \"firing\" }}:"
          + "{{ .Alerts.Firing | len }}{{ end }}] {{ .CommonLabels.alertname }} for"
          + " {{ .GroupLabels.SortedPairs.Values | join \", \" }}{{ end }}\n"
          + "{{ define \"diff.text\" -}}\n"
          + "{{ range $i, $a := .Alerts -}}\n"
          + "{{ $i }}. {{ $a.Labels.instance | title }} ({{ $a.Status }}) since"
          + " {{ $a.StartsAt.Format \"2006-01-02 15:04:05 MST\" }}\n"
          + "{{- if $a.Annotations.description }} - {{ $a.Annotations.description }}{{ end }}\n"
          + "{{ range $a.Labels.SortedPairs }}  {{ .Name }}={{ .Value }}\n{{ end -}}\n"
          + "{{ end -}}\n"
          + "{{ with .CommonLabels.Remove .GroupLabels.Names }}extra: {{ .Values | join \"|\" }}"
          + "{{ else }}no extra{{ end }}\n"
          + "{{ reReplaceAll \"db-([0-9]+)\" \"database #$1\" (index .Alerts 0).Labels.instance }}\n"
          + "{{ if match \"^Disk\" .CommonLabels.alertname }}disk alert{{ end }}"
          + " {{ printf \"%d/%d %q %5s|%-5s|%.2f\" (len .Alerts.Firing) (len .Alerts) .Receiver"
          + " \"ab\" \"cd\" 3.14159 }}\n"
          + "{{ $first := index .Alerts 0 }}{{ len $first.Labels }}"
          + " {{ index $first.Labels \"severity\" }} {{ $first.EndsAt.Format \"2006\" }}\n"
          + "{{ toLower \"ABC\" }} {{ stringSlice \"x\" \"y\" | join \"+\" }} {{ and 1 0 }}"
          + " {{ or \"\" \"z\" }} {{ not .Alerts }} {{ eq .Status \"firing\" \"resolved\" }}"
          + " {{ lt 1 2 }}\n"
          + "{{ html \"<a href='x'>\" }} {{ js \"it's\" }} {{ urlquery \"a b/c\" }}"
          + " {{ print 1 2 \"s\" 3.5 true }} {{ println \"end\" }}\n"
          + "{{- end }}\n";

  @Test
  void customTemplatesRenderTheSameAsInAlertmanager() throws Exception {
    JsonNode[] both = postToBothAndAwait("DiskTemplates", "slack-templated");
    JsonNode am = both[0];
    JsonNode as = both[1];
    JsonNode amAttachment = am.path("attachments").get(0);
    JsonNode asAttachment = as.path("attachments").get(0);
    assertThat(asAttachment.path("text").asText())
        .as("text")
        .isEqualTo(amAttachment.path("text").asText())
        .contains("database #1");
    assertThat(asAttachment.path("title").asText()).isEqualTo(amAttachment.path("title").asText());
    assertThat(as).isEqualTo(am);
  }

  @Test
  void aCorpusOfTemplatesRendersTheSameAsInAlertmanager() throws Exception {
    assertThat(corpusNames()).hasSizeGreaterThanOrEqualTo(40);
    JsonNode[] both = postToBothAndAwait("DiskCorpus", "slack-corpus");
    JsonNode amFields = both[0].path("attachments").get(0).path("fields");
    JsonNode asFields = both[1].path("attachments").get(0).path("fields");
    assertThat(amFields).hasSize(corpusNames().size());
    assertThat(asFields).hasSameSizeAs(amFields);
    System.out.println("template corpus, as rendered by Alertmanager 0.25: " + amFields);
    for (int i = 0; i < amFields.size(); i++) {
      assertThat(asFields.get(i).path("value").asText())
          .as("template %s", amFields.get(i).path("title").asText())
          .isEqualTo(amFields.get(i).path("value").asText());
    }
    assertThat(bodies("as", "slack-corpus", stack.apiUrl()).get(0))
        .isEqualTo(bodies("am", "slack-corpus", AM_EXTERNAL).get(0));
  }

  @Test
  void slackPagerdutyAndWebhookRequestsMatchAlertmanagers() throws Exception {
    Instant startsAt = recentStart();
    String firing = alerts(startsAt, null);
    postAlertmanager(firing);
    TestStacks.postAlerts(stack, "diff-tenant", firing);
    awaitRequests(1);

    String resolved =
        alerts(startsAt, Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS));
    postAlertmanager(resolved);
    TestStacks.postAlerts(stack, "diff-tenant", resolved);
    awaitRequests(2);

    for (String integration : List.of("slack", "pagerduty", "webhook")) {
      List<JsonNode> am = bodies("am", integration, AM_EXTERNAL);
      List<JsonNode> as = bodies("as", integration, stack.apiUrl());
      assertThat(as).as("%s requests", integration).hasSize(2);
      assertThat(am).as("%s requests", integration).hasSize(2);
      for (int i = 0; i < 2; i++) {
        assertThat(as.get(i))
            .as(
                "%s request %d\nAlertstream:  %s\nAlertmanager: %s",
                integration, i, as.get(i), am.get(i))
            .isEqualTo(am.get(i));
      }
    }
  }

  @Test
  void webhookMaxAlertsSendsWhatAlertmanagerSends() throws Exception {
    // Alertmanager 0.25 cuts the alerts before it builds the payload: commonLabels,
    // commonAnnotations and status then describe the alert sent, not the group.
    JsonNode[] both = postToBothAndAwait("DiffTruncate", "webhook-truncated");
    JsonNode am = both[0];
    JsonNode as = both[1];
    assertThat(am.path("alerts")).hasSize(1);
    assertThat(am.path("truncatedAlerts").asInt()).isEqualTo(1);
    assertThat(as).as("Alertstream:  %s\nAlertmanager: %s", as, am).isEqualTo(am);
  }

  @Test
  void aTenantsDefineOfABuiltInNameReachesEveryIntegrationsDefaults() throws Exception {
    String alerts = alerts(recentStart(), null).replace("DiffDisk", "DiffOverride");
    postAlertmanager(overridingPort, alerts);
    TestStacks.postAlerts(stack, "diff-override-tenant", alerts);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              for (String system : List.of("am", "as")) {
                for (String path : List.of("ov-slack", "ov-pagerduty")) {
                  assertThat(bodies(system, path, "-")).as("%s %s", system, path).isNotEmpty();
                }
                assertThat(mail(system, "DiffOverride")).as("%s email", system).isNotNull();
              }
            });
    JsonNode amSlack = bodies("am", "ov-slack", AM_EXTERNAL).get(0);
    // The overrides took effect in Alertmanager, so the comparison shows them.
    assertThat(amSlack.path("username").asText()).isEqualTo("Team Alerting");
    assertThat(amSlack.path("attachments").get(0).path("title").asText())
        .isEqualTo("FIRING DiffOverride x2 [DiffOverride]");
    for (String path : List.of("ov-slack", "ov-pagerduty")) {
      JsonNode am = bodies("am", path, AM_EXTERNAL).get(0);
      JsonNode as = bodies("as", path, stack.apiUrl()).get(0);
      assertThat(as).as("%s\nAlertstream:  %s\nAlertmanager: %s", path, as, am).isEqualTo(am);
    }
    MimeMessage amMail = mail("am", "DiffOverride");
    MimeMessage asMail = mail("as", "DiffOverride");
    assertThat(asMail.getSubject())
        .isEqualTo(amMail.getSubject())
        .isEqualTo("FIRING DiffOverride x2 [DiffOverride]");
    // The HTML bodies differ by design (Alertstream's own markup), not in what they take from
    // the tenant's templates.
    for (MimeMessage m : List.of(amMail, asMail)) {
      assertThat(part(m, "text/html"))
          .contains("<title>FIRING DiffOverride x2 [DiffOverride]</title>")
          .contains("https://alerts.team.example/r/defaults")
          .contains("Team Alerting");
    }
  }

  @Test
  void emailsHaveAlertmanagersSubjectHeadersEncodingAndBodies() throws Exception {
    String alerts = mailAlerts();
    postAlertmanager(alertmanagerPort, alerts);
    TestStacks.postAlerts(stack, "diff-tenant", alerts);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(mail("am", "DiffMail")).as("Alertmanager's email").isNotNull();
              assertThat(mail("as", "DiffMail")).as("Alertstream's email").isNotNull();
            });
    MimeMessage am = mail("am", "DiffMail");
    MimeMessage as = mail("as", "DiffMail");

    // No common label beyond the group's: __subject ends in a space, which Alertmanager keeps.
    assertThat(as.getSubject())
        .isEqualTo(am.getSubject())
        .isEqualTo("[FIRING:2] DiffMail node critical ");
    for (String header : List.of("To", "From", "X-Severity")) {
      assertThat(decodedHeader(as, header)).as(header).isEqualTo(decodedHeader(am, header));
    }
    assertThat(decodedHeader(as, "X-Severity")).isEqualTo("critical é");
    List<String> amParts = parts(am, AM_EXTERNAL);
    List<String> asParts = parts(as, stack.apiUrl());
    System.out.println("email parts, as Alertmanager 0.25 sent them: " + amParts);
    assertThat(amParts).hasSize(2);
    assertThat(asParts).hasSameSizeAs(amParts);
    for (int i = 0; i < amParts.size(); i++) {
      assertThat(asParts.get(i)).as("part %d", i).isEqualTo(amParts.get(i));
    }
    // Quoted-printable keeps every line of both bodies within RFC 2045's 76 characters.
    for (MimeMessage m : List.of(am, as)) {
      assertThat(GreenMailUtil.getBody(m).lines())
          .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
    }
  }

  /** The first email a system's SMTP server got whose subject contains {@code text}, or null. */
  private static MimeMessage mail(String system, String text) throws Exception {
    for (MimeMessage m : smtp.get(system).getReceivedMessages()) {
      if (m.getSubject() != null && m.getSubject().contains(text)) {
        return m;
      }
    }
    return null;
  }

  private static String decodedHeader(MimeMessage m, String name) throws Exception {
    String raw = m.getHeader(name, null);
    return raw == null ? null : MimeUtility.decodeText(MimeUtility.unfold(raw));
  }

  /** Each part: its type, charset and transfer encoding, then its decoded content. */
  private static List<String> parts(MimeMessage m, String externalUrl) throws Exception {
    MimeMultipart multipart = (MimeMultipart) m.getContent();
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      ContentType type = new ContentType(part.getContentType());
      String charset = type.getParameter("charset");
      out.add(
          type.getBaseType().toLowerCase(java.util.Locale.ROOT)
              + "; charset="
              + (charset == null ? "" : charset.toLowerCase(java.util.Locale.ROOT))
              + "; "
              + Arrays.toString(part.getHeader("Content-Transfer-Encoding"))
              + "\n"
              + ((String) part.getContent()).replace(externalUrl, "EXTERNAL"));
    }
    return out;
  }

  private static String part(MimeMessage m, String type) throws Exception {
    MimeMultipart multipart = (MimeMultipart) m.getContent();
    for (int i = 0; i < multipart.getCount(); i++) {
      if (multipart.getBodyPart(i).isMimeType(type)) {
        return (String) multipart.getBodyPart(i).getContent();
      }
    }
    throw new AssertionError("no " + type + " part");
  }

  /** Two alerts whose annotations exercise the email templates' escaping and encoding. */
  private static String mailAlerts() throws Exception {
    String startsAt = recentStart().toString();
    List<Map<String, Object>> alerts = new java.util.ArrayList<>();
    for (String instance : List.of("db-2", "db-1")) {
      Map<String, String> annotations = new LinkedHashMap<>();
      annotations.put("summary", "Disk <90%> & rising + \"more\" 'x'");
      annotations.put("runbook", "http://runbook.example/disk full/ü?a=1&b=2");
      annotations.put("danger", "javascript:alert(1)");
      annotations.put("upper", "HTTPS://EXAMPLE.org/x");
      annotations.put("rel", "foo/bar:baz");
      annotations.put("mailto", "mailto:a@b.c");
      annotations.put("pct", "http://x/%41%zz%4");
      annotations.put(
          "long", "Disk usage is high on the node and rising quickly, é, ".repeat(25).strip());
      annotations.put("attr", "Title");
      annotations.put("path", "/data dir/ü");
      annotations.put("description", instance + " is <full> & hot");
      alerts.add(
          Map.of(
              "labels",
              Map.of(
                  "alertname",
                  "DiffMail",
                  "severity",
                  "critical",
                  "job",
                  "node",
                  "instance",
                  instance),
              "annotations",
              annotations,
              "generatorURL",
              "http://prometheus.example/graph?g0.expr=disk",
              "startsAt",
              startsAt));
    }
    return JSON.writeValueAsString(alerts);
  }

  /**
   * Posts the two test alerts, named {@code alertname}, to both systems; returns the first request
   * each sent to the capture path, Alertmanager's then Alertstream's.
   */
  private static JsonNode[] postToBothAndAwait(String alertname, String path) throws Exception {
    String alerts = alerts(recentStart(), null).replace("DiffDisk", alertname);
    postAlertmanager(alerts);
    TestStacks.postAlerts(stack, "diff-tenant", alerts);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(bodies("am", path, AM_EXTERNAL)).isNotEmpty();
              assertThat(bodies("as", path, stack.apiUrl())).isNotEmpty();
            });
    return new JsonNode[] {
      bodies("am", path, AM_EXTERNAL).get(0), bodies("as", path, stack.apiUrl()).get(0)
    };
  }

  /**
   * A start within group_wait of now. Both systems flush at once for an alert older than
   * group_wait; then a POST of two alerts can be split across two notifications by either.
   */
  private static Instant recentStart() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  private static String alerts(Instant startsAt, Instant endsAt) {
    StringBuilder out = new StringBuilder("[");
    for (String instance : List.of("db-2", "db-1")) {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append(
              "{\"labels\":{\"alertname\":\"DiffDisk\",\"severity\":\"critical\",\"job\":\"node\",")
          .append("\"instance\":\"")
          .append(instance)
          .append("\"},\"annotations\":{\"summary\":\"Disk <90%> & rising\",\"description\":\"")
          .append(instance)
          .append(
              " is \\\"full\\\"\"},\"generatorURL\":\"http://prometheus.example/graph?g0.expr=disk\",")
          .append("\"startsAt\":\"")
          .append(startsAt)
          .append('"');
      if (endsAt != null) {
        out.append(",\"endsAt\":\"").append(endsAt).append('"');
      }
      out.append('}');
    }
    return out.append(']').toString();
  }

  private static void awaitRequests(int each) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              for (String system : List.of("am", "as")) {
                for (String integration : List.of("slack", "pagerduty", "webhook")) {
                  assertThat(
                          capture
                              .findAll(
                                  postRequestedFor(
                                      urlPathEqualTo("/" + system + "/" + integration)))
                              .size())
                      .as("%s %s", system, integration)
                      .isGreaterThanOrEqualTo(each);
                }
              }
            });
  }

  private static List<JsonNode> bodies(String system, String integration, String externalUrl) {
    return capture
        .findAll(postRequestedFor(urlPathEqualTo("/" + system + "/" + integration)))
        .stream()
        .map(
            r -> {
              try {
                return normalise(JSON.readTree(r.getBodyAsString()), externalUrl);
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            })
        .toList();
  }

  /** Each system's external URL becomes EXTERNAL; times become epoch milliseconds. */
  private static JsonNode normalise(JsonNode node, String externalUrl) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if ((field.getKey().equals("startsAt") || field.getKey().equals("endsAt"))
            && field.getValue().isTextual()) {
          field.setValue(
              new TextNode(Long.toString(Instant.parse(field.getValue().asText()).toEpochMilli())));
        } else {
          field.setValue(normalise(field.getValue(), externalUrl));
        }
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

  private static void postAlertmanager(String json) throws Exception {
    postAlertmanager(alertmanagerPort, json);
  }

  private static void postAlertmanager(int port, String json) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v2/alerts"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private static int get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
