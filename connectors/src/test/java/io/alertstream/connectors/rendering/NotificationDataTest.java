package io.alertstream.connectors.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.connectors.TestNotifications;
import io.alertstream.schemas.Notification;
import io.alertstream.schemas.NotificationReason;
import io.alertstream.templates.TemplateException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotificationDataTest {

  @ParameterizedTest
  @CsvSource({
    "FIRST, true, first notification",
    "NEW_ALERTS, true, new alerts added",
    "RESOLVED, true, some alerts resolved",
    "RESOLVED, false, all alerts resolved",
    "REPEAT, true, repeat interval elapsed",
  })
  void theReasonReadsAsAlertmanagerWritesIt(
      NotificationReason reason, boolean stillFiring, String text) throws TemplateException {
    Notification n =
        Notification.newBuilder(
                TestNotifications.of(
                    "webhook",
                    Map.of(),
                    Map.of(),
                    List.of(
                        TestNotifications.alert(Map.of("alertname", "A"), Map.of(), stillFiring),
                        TestNotifications.alert(Map.of("alertname", "B"), Map.of(), false))))
            .setReason(reason)
            .build();

    assertThat(
            TenantTemplates.DEFAULTS.renderText(
                "{{ .NotificationReason }}|{{ .RouteLabels }}", NotificationData.of(n)))
        .isEqualTo(text + "|map[]");
  }
}
