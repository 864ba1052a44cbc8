package io.alertstream.config.receivers.jira;

import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.receivers.Globals;
import io.alertstream.config.receivers.HttpClientConfig;
import io.alertstream.config.receivers.IntegrationType;
import io.alertstream.config.receivers.ReceiverParser;
import io.alertstream.config.yaml.Durations;
import io.alertstream.config.yaml.YamlNode;
import io.alertstream.config.yaml.YamlValues;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code jira_configs} as Alertmanager does: project and issue type required, the API URL
 * inline or from {@code global.jira_api_url}, resolved alerts sent by default, default templates
 * for summary, description and priority. Authentication is the http_config's (basic_auth or a
 * bearer token).
 */
public final class JiraIntegration implements IntegrationType<JiraConfig> {

  static final String GLOBAL_URL = "jira_api_url";

  @Override
  public String type() {
    return "jira";
  }

  @Override
  public Class<JiraConfig> settingsType() {
    return JiraConfig.class;
  }

  @Override
  public List<String> globalKeys() {
    return List.of(GLOBAL_URL);
  }

  @Override
  public boolean sendResolved(JiraConfig settings) {
    return settings.sendResolved();
  }

  @Override
  public JiraConfig parse(YamlNode node, Globals globals) throws InvalidConfigException {
    node.allowOnly(
        "send_resolved",
        "http_config",
        "api_url",
        "api_type",
        "project",
        "summary",
        "description",
        "labels",
        "priority",
        "issue_type",
        "reopen_transition",
        "resolve_transition",
        "wont_fix_resolution",
        "reopen_duration",
        "fields");
    HttpClientConfig http = globals.httpConfig(node);
    JiraConfig.Field summary = field(node.get("summary"), "jira.default.summary");
    JiraConfig.Field description = field(node.get("description"), "jira.default.description");
    Duration reopenDuration =
        node.get("reopen_duration").isAbsent()
            ? Duration.ZERO
            : Durations.parse(node.get("reopen_duration"));
    YamlNode fields = node.get("fields").requireMap();
    Object fieldValues = YamlValues.of(fields);
    String project = node.string("project", "");
    if (project.isEmpty()) {
      throw node.error("missing project in jira_config");
    }
    String issueType = node.string("issue_type", "");
    if (issueType.isEmpty()) {
      throw node.error("missing issue_type in jira_config");
    }
    String apiType = node.string("api_type", "auto");
    if (!List.of("auto", "cloud", "datacenter").contains(apiType)) {
      throw node.get("api_type")
          .error("unknown api_type on jira_config, must be auto, cloud or datacenter");
    }
    String inline = node.string("api_url", "");
    URI apiUrl =
        inline.isEmpty()
            ? globals.url(GLOBAL_URL, null)
            : ReceiverParser.url(node.get("api_url"), inline);
    if (apiUrl == null) {
      throw node.error("no global Jira Cloud URL set");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> fieldMap =
        fieldValues == null ? Map.of() : (Map<String, Object>) fieldValues;
    return new JiraConfig(
        apiUrl,
        apiType,
        node.bool("send_resolved", true),
        project,
        summary,
        description,
        node.strings("labels"),
        node.string("priority", "{{ template \"jira.default.priority\" . }}"),
        issueType,
        node.string("reopen_transition", ""),
        node.string("resolve_transition", ""),
        node.string("wont_fix_resolution", ""),
        reopenDuration,
        fieldMap,
        http);
  }

  /** A field given as a template string or as {@code {template, enable_update}}. */
  private static JiraConfig.Field field(YamlNode node, String defaultTemplate)
      throws InvalidConfigException {
    String fallback = "{{ template \"" + defaultTemplate + "\" . }}";
    if (node.isAbsent()) {
      return new JiraConfig.Field(fallback, true);
    }
    if (node.isScalar()) {
      return new JiraConfig.Field(node.text(""), true);
    }
    node.allowOnly("template", "enable_update");
    return new JiraConfig.Field(
        node.string("template", fallback), node.bool("enable_update", true));
  }
}
