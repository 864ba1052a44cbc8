package io.alertstream.connectors.tenantconfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.schemas.TenantConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class TenantConfigCacheTest {

  private static final String GOOD = "route: {receiver: r}\nreceivers: [{name: r}]\n";
  private final TenantConfigCache cache = new TenantConfigCache();

  @Test
  void keepsTheLastGoodConfigWhenABrokenOneArrives() {
    cache.apply("acme", config(1, GOOD));
    cache.apply("acme", config(2, "route: {}\n"));

    assertThat(cache.get("acme")).hasValueSatisfying(e -> assertThat(e.version()).isEqualTo(1));
  }

  @Test
  void ignoresOlderVersionsAndForgetsOnTombstone() {
    cache.apply("acme", config(5, GOOD));
    cache.apply("acme", config(4, GOOD));
    assertThat(cache.get("acme").orElseThrow().version()).isEqualTo(5);

    cache.apply("acme", null);

    assertThat(cache.get("acme")).isEmpty();
  }

  @Test
  void awaitVersionWakesUpWhenTheVersionArrives() throws Exception {
    cache.apply("acme", config(1, GOOD));
    var waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return cache.awaitVersion("acme", 2, Duration.ofSeconds(10));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });

    cache.apply("acme", config(2, GOOD));

    assertThat(waiting.get().orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void awaitVersionGivesWhatItHasAfterTheTimeout() throws Exception {
    cache.apply("acme", config(1, GOOD));

    assertThat(cache.awaitVersion("acme", 9, Duration.ofMillis(20)).orElseThrow().version())
        .isEqualTo(1);
    assertThat(cache.awaitVersion("nobody", 1, Duration.ofMillis(20))).isEmpty();
  }

  @Test
  void carriesTheTenantsDryRunSettingFromTheStoredConfig() {
    cache.apply("acme", config(1, GOOD));
    assertThat(cache.get("acme").orElseThrow().settings().anyDryRun()).isFalse();

    TenantConfig dryRun = config(2, GOOD);
    dryRun.setDryRunIntegrations(java.util.List.of("slack", "email"));
    cache.apply("acme", dryRun);

    var settings = cache.get("acme").orElseThrow().settings();
    assertThat(settings.dryRun("slack")).isTrue();
    assertThat(settings.dryRun("email")).isTrue();
    assertThat(settings.dryRun("webhook")).isFalse();

    TenantConfig all = config(3, GOOD);
    all.setDryRun(true);
    cache.apply("acme", all);

    assertThat(cache.get("acme").orElseThrow().settings().dryRun("webhook")).isTrue();
  }

  private static TenantConfig withTemplate(TenantConfig config) {
    config.setTemplateFiles(java.util.Map.of("t.tmpl", "{{ define \"x\" }}y{{ end }}"));
    return config;
  }

  private static TenantConfig config(long version, String yaml) {
    return TenantConfig.newBuilder()
        .setTenant("acme")
        .setVersion(version)
        .setAlertmanagerConfig(yaml)
        .setUpdatedAt(Instant.EPOCH)
        .build();
  }

  @Test
  void twoTasksCachesShareOneParsedConfigAndOneTemplateSetPerVersion() {
    TenantConfigCache other = new TenantConfigCache();
    String tenant = "shared-" + System.nanoTime();
    long compiledBefore = CompiledTemplates.SHARED.compilations();

    cache.apply(tenant, withTemplate(config(1, GOOD)));
    other.apply(tenant, withTemplate(config(1, GOOD)));

    TenantConfigCache.Entry mine = cache.get(tenant).orElseThrow();
    TenantConfigCache.Entry theirs = other.get(tenant).orElseThrow();
    assertThat(theirs.config()).isSameAs(mine.config());
    assertThat(theirs.templates()).isSameAs(mine.templates());
    assertThat(CompiledTemplates.SHARED.compilations() - compiledBefore).isEqualTo(1);

    other.apply(tenant, withTemplate(config(2, GOOD)));
    assertThat(other.get(tenant).orElseThrow().templates()).isNotSameAs(mine.templates());
  }

  @Test
  void aTenantsTemplatesKnowTheTenantsId() throws Exception {
    String tenant = "team-" + System.nanoTime();
    cache.apply(tenant, config(1, GOOD));

    assertThat(cache.get(tenant).orElseThrow().templates().renderText("{{ tenantID }}", null))
        .isEqualTo(tenant);
  }

  @Test
  void aDeletedTenantsTemplatesAreForgottenByTheSharedCache() {
    String tenant = "deleted-" + System.nanoTime();
    cache.apply(tenant, withTemplate(config(1, GOOD)));
    long compiled = CompiledTemplates.SHARED.compilations();

    cache.apply(tenant, null);
    new TenantConfigCache().apply(tenant, withTemplate(config(1, GOOD)));

    assertThat(CompiledTemplates.SHARED.compilations() - compiled).isEqualTo(1);
  }
}
