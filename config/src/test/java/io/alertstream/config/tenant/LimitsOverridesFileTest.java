package io.alertstream.config.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertstream.config.InvalidConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LimitsOverridesFileTest {

  @TempDir Path dir;

  @Test
  void aChangedFileIsAppliedAndABrokenOneLeavesTheLastGoodOverrides() throws Exception {
    Path file = dir.resolve("runtime.yaml");
    Files.writeString(file, "overrides:\n  acme:\n    alertmanager_max_alerts_count: 10\n");
    RuntimeLimits limits = new RuntimeLimits(TenantLimits.NONE);

    try (LimitsOverridesFile watched =
        LimitsOverridesFile.watch(file, limits, Duration.ofHours(1))) {
      assertThat(limits.forTenant("acme").maxAlertsCount()).isEqualTo(10);

      Files.writeString(file, "overrides:\n  acme:\n    alertmanager_max_alerts_count: 20\n");
      watched.reloadIfChanged();
      assertThat(limits.forTenant("acme").maxAlertsCount()).isEqualTo(20);

      Files.writeString(file, "overrides:\n  acme:\n    alertmanager_max_alerts_count: -1\n");
      watched.reloadIfChanged();
      assertThat(limits.forTenant("acme").maxAlertsCount()).isEqualTo(20);

      Files.writeString(file, "overrides:\n  acme:\n    alertmanager_max_alerts_count: 30\n");
      watched.reloadIfChanged();
      assertThat(limits.forTenant("acme").maxAlertsCount())
          .as("a good file after a bad one applies")
          .isEqualTo(30);

      Files.delete(file);
      watched.reloadIfChanged();
      assertThat(limits.forTenant("acme").maxAlertsCount()).isEqualTo(30);
    }
  }

  @Test
  void aBrokenFileAtStartIsRefused() throws Exception {
    Path file = dir.resolve("runtime.yaml");
    Files.writeString(file, "overrides:\n  acme:\n    alertmanager_max_alerts_count: x\n");

    assertThatThrownBy(
            () ->
                LimitsOverridesFile.watch(
                    file, new RuntimeLimits(TenantLimits.NONE), Duration.ofHours(1)))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("overrides.acme.alertmanager_max_alerts_count (line 3)");
  }
}
