package io.alertstream.topology.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.topology.alerts.Alert;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TenantAlertUsageTest {

  private static Alert alert(String name, String summary) {
    return new Alert(
        "fp-" + name, Map.of("alertname", name), Map.of("summary", summary), 0, 1, "", 0, false);
  }

  @Test
  void countsFromTheStoreOnceThenFollowsStoresAndCollections() {
    TenantAlertUsage usage = new TenantAlertUsage();
    AtomicInteger scans = new AtomicInteger();
    Alert a = alert("A", "x");
    TenantAlertUsage.Usage held =
        usage.of(
            "acme",
            () -> {
              scans.incrementAndGet();
              return List.of(a);
            });
    assertThat(held.count).isEqualTo(1);
    assertThat(held.bytes).isEqualTo("alertnameAsummaryx".length());

    Alert b = alert("B", "yy");
    usage.stored("acme", null, b);
    usage.stored("acme", a, alert("A", "xxx"));
    assertThat(held.count).isEqualTo(2);
    assertThat(held.bytes)
        .isEqualTo("alertnameAsummaryxxx".length() + "alertnameBsummaryyy".length());

    usage.removed("acme", b);
    assertThat(held.count).as("a collected alert frees its place").isEqualTo(1);
    assertThat(usage.of("acme", () -> List.of()).count).isEqualTo(1);
    assertThat(scans).as("counted from the store once").hasValue(1);

    usage.stored("other", null, b);
    assertThat(usage.of("other", () -> List.of()).count)
        .as("a tenant not counted yet is counted from the store when first asked")
        .isZero();
  }
}
