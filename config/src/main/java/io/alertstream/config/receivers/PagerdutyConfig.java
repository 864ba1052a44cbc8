package io.alertstream.config.receivers;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * One {@code pagerduty_configs} entry, global defaults applied.
 *
 * @param routingKey Events API v2 key (a secret); empty when a v1 service key is used
 * @param serviceKey Events API v1 key (a secret); empty when a routing key is used
 * @param fields templated settings: description, client, client_url, severity, class, component,
 *     group, source
 * @param details custom_details templates
 * @param images {@code images} entries (src, href, alt)
 * @param links {@code links} entries (href, text)
 */
public record PagerdutyConfig(
    Secret routingKey,
    Secret serviceKey,
    URI url,
    boolean sendResolved,
    Map<String, String> fields,
    Map<String, String> details,
    List<Map<String, String>> images,
    List<Map<String, String>> links,
    HttpClientConfig http) {

  public PagerdutyConfig {
    fields = Map.copyOf(fields);
    details = Map.copyOf(details);
    images = List.copyOf(images);
    links = List.copyOf(links);
  }
}
