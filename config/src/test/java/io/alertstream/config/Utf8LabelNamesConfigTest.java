package io.alertstream.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** UTF-8 label names where Alertmanager 0.27+ takes them in a config: group_by, equal, matchers. */
class Utf8LabelNamesConfigTest {

  @Test
  void groupByEqualAndMatchersTakeUtf8Names() throws Exception {
    AlertmanagerConfig config =
        new ConfigParser()
            .parse(
                """
                route:
                  receiver: team
                  group_by: ['service.name', 'größe']
                  routes:
                    - matchers: ['"service.name"="checkout"']
                      receiver: team
                inhibit_rules:
                  - source_matchers: ['"k8s.pod"=~"db-.*"']
                    target_matchers: [severity=warning]
                    equal: ['service.name']
                receivers:
                  - name: team
                """);

    assertThat(config.route().options().groupBy())
        .containsExactlyInAnyOrder("service.name", "größe");
    assertThat(config.route().children().get(0).matchers().toString()).contains("service.name");
    assertThat(config.inhibitRules().get(0).equal()).containsExactly("service.name");
  }

  @Test
  void anEmptyLabelNameIsStillRefused() {
    assertThatThrownBy(
            () ->
                new ConfigParser()
                    .parse("route:\n  receiver: t\n  group_by: ['']\nreceivers:\n  - name: t\n"))
        .hasMessageContaining("invalid label name \"\" in group_by list");
  }
}
