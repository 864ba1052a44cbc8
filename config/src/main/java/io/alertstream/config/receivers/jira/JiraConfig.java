package io.alertstream.config.receivers.jira;

import io.alertstream.config.receivers.HttpClientConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code jira_configs} entry, global defaults applied.
 *
 * @param apiUrl the REST API base, e.g. {@code https://acme.atlassian.net/rest/api/2} (a path
 *     ending in {@code /3} makes the description Atlassian Document Format JSON)
 * @param apiType {@code auto}, {@code cloud} or {@code datacenter}: which search endpoint to use
 * @param project the project key (a template)
 * @param issueType the issue type name (a template)
 * @param labels templates; the group's {@code ALERT{hash}} label is added to them
 * @param priority the priority name (a template); empty once rendered sends none
 * @param reopenDuration how long after resolution a closed issue is reopened rather than a new one
 *     made; zero for never
 * @param fields further issue fields: maps, lists and scalars, every string a template
 */
public record JiraConfig(
    URI apiUrl,
    String apiType,
    boolean sendResolved,
    String project,
    Field summary,
    Field description,
    List<String> labels,
    String priority,
    String issueType,
    String reopenTransition,
    String resolveTransition,
    String wontFixResolution,
    Duration reopenDuration,
    Map<String, Object> fields,
    HttpClientConfig http) {

  /**
   * A templated issue field.
   *
   * @param enableUpdate whether an update of an existing issue sets it too
   */
  public record Field(String template, boolean enableUpdate) {}

  public JiraConfig {
    labels = List.copyOf(labels);
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  @Override
  public String toString() {
    return "JiraConfig[apiUrl="
        + apiUrl
        + ", apiType="
        + apiType
        + ", project="
        + project
        + ", issueType="
        + issueType
        + ", sendResolved="
        + sendResolved
        + ", http="
        + http
        + "]";
  }
}
