package io.alertstream.connectors.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.receivers.PagerdutyConfig;
import io.alertstream.connectors.TestNotifications;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.rendering.GroupKeyHash;
import io.alertstream.connectors.rendering.TenantTemplates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagerdutyNotifierTest {

  private static Outbound.HttpCall post(String settings, boolean firing) throws Exception {
    var config =
        new ConfigParser()
            .parse(
                "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  pagerduty_configs:\n  - "
                    + settings
                    + "\n");
    var n =
        TestNotifications.of(
            "pagerduty",
            Map.of("alertname", "DiskFull"),
            Map.of("alertname", "DiskFull"),
            List.of(TestNotifications.alert(Map.of("alertname", "DiskFull"), Map.of(), firing)));
    return (Outbound.HttpCall)
        new PagerdutyNotifier()
            .prepare(
                n,
                TestNotifications.settings(config, "pagerduty", PagerdutyConfig.class),
                TenantTemplates.DEFAULTS)
            .request();
  }

  @Test
  void theDedupKeyIsTheSha256OfTheGroupKey() {
    assertThat(GroupKeyHash.of("{}:{alertname=\"Other\"}")).startsWith("17cc0ef1").hasSize(64);
  }

  @Test
  void aServiceKeyMakesAnEventsApiV1EventWithClientOnlyOnTrigger() throws Exception {
    var trigger = post("{service_key: sk-1}", true);
    var resolve = post("{service_key: sk-1}", false);

    assertThat(trigger.url()).isEqualTo(PagerdutyNotifier.V1_URL);
    JsonNode t = new ObjectMapper().readTree(trigger.body());
    assertThat(t.path("service_key").asText()).isEqualTo("sk-1");
    assertThat(t.path("event_type").asText()).isEqualTo("trigger");
    assertThat(t.path("incident_key").asText()).hasSize(64);
    assertThat(t.path("client").asText()).isEqualTo("Alertmanager");
    assertThat(t.path("details").path("num_firing").asText()).isEqualTo("1");
    JsonNode r = new ObjectMapper().readTree(resolve.body());
    assertThat(r.path("event_type").asText()).isEqualTo("resolve");
    assertThat(r.has("client")).isFalse();
  }

  @Test
  void imagesAndLinksWithoutTheirAddressAreLeftOut() throws Exception {
    JsonNode body =
        new ObjectMapper()
            .readTree(
                post(
                        "{routing_key: rk, images: [{src: 'http://i/1.png', alt: one}, {alt: none}],"
                            + " links: [{href: '', text: empty}]}",
                        true)
                    .body());

    assertThat(body.path("images").toString())
        .isEqualTo("[{\"src\":\"http://i/1.png\",\"alt\":\"one\",\"href\":\"\"}]");
    assertThat(body.has("links")).isFalse();
  }

  @Test
  void theDefaultFieldsGoThroughTheNamedTemplatesATenantMayDefine() throws Exception {
    var config =
        new ConfigParser()
            .parse(
                "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  pagerduty_configs:\n"
                    + "  - {routing_key: rk}\n");
    var n = TestNotifications.diskFull("pagerduty");
    var tenant = TestNotifications.overridingBuiltIns();

    var post =
        (Outbound.HttpCall)
            new PagerdutyNotifier()
                .prepare(
                    n,
                    TestNotifications.settings(config, "pagerduty", PagerdutyConfig.class),
                    tenant)
                .request();

    JsonNode body = new ObjectMapper().readTree(post.body());
    assertThat(body.path("payload").path("summary").asText()).isEqualTo("S:DiskFull");
    assertThat(body.path("payload").path("source").asText()).isEqualTo("Team AM");
    assertThat(body.path("client").asText()).isEqualTo("Team AM");
    assertThat(body.path("client_url").asText()).isEqualTo("https://am.team.example");
    assertThat(body.path("payload").path("custom_details").path("firing").asText())
        .isEqualTo("1 alerts");
  }
}
