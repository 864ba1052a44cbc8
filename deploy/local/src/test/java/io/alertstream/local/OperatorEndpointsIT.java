package io.alertstream.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The endpoints operators script against, on the real stack: {@code /-/reload} publishes the tenant
 * files that changed and names a broken one; {@code /multitenant_alertmanager/status} shows the
 * instance.
 */
class OperatorEndpointsIT {

  private static LocalStack stack;

  @BeforeAll
  static void start() throws Exception {
    stack = TestStacks.shared();
  }

  @Test
  void aReloadPublishesChangedTenantFilesAndRefusesABrokenOne() throws Exception {
    Path file = TestStacks.TENANTS_DIR.resolve("reloaded.yml");
    Path broken = TestStacks.TENANTS_DIR.resolve("broken.yml");
    try {
      Files.writeString(file, TestStacks.webhookConfig("http://127.0.0.1:1/reloaded"));
      var first = TestStacks.send(stack, "POST", "/-/reload", "reloaded", null);
      assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
      assertThat(first.body()).contains("tenant files").contains("published reloaded");
      waitForConfig("127.0.0.1:1/reloaded");

      var again = TestStacks.send(stack, "POST", "/-/reload", "reloaded", null);
      assertThat(again.body()).contains("no tenant file changed");

      Files.writeString(file, TestStacks.webhookConfig("http://127.0.0.1:2/changed"));
      Files.writeString(broken, "route:\n  receiver: nobody\n");
      var refused = TestStacks.send(stack, "POST", "/-/reload", "reloaded", null);
      assertThat(refused.statusCode()).isEqualTo(500);
      assertThat(refused.body())
          .contains("failed to reload config: tenant files")
          .contains("broken.yml is invalid");
      Files.delete(broken);
      var fixed = TestStacks.send(stack, "POST", "/-/reload", "reloaded", null);
      assertThat(fixed.statusCode()).as(fixed.body()).isEqualTo(200);
      waitForConfig("127.0.0.1:2/changed");
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(broken);
    }
  }

  @Test
  void theStatusPageShowsTheInstanceAndItsPartitions() throws Exception {
    var html = TestStacks.send(stack, "GET", "/multitenant_alertmanager/status", "any", null);
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.body()).contains("Alertstream instance status").contains("RUNNING");

    var json =
        TestStacks.send(stack, "GET", "/multitenant_alertmanager/status?format=json", "any", null);
    var body = new ObjectMapper().readTree(json.body());
    assertThat(body.path("streamsState").asText()).isEqualTo("RUNNING");
    assertThat(body.path("activePartitions")).hasSize(TestStacks.PARTITIONS);
  }

  @Test
  void everyTenantsConfigIsListedWithSecretsMasked() throws Exception {
    TestStacks.publishConfig(
        stack,
        "listed-tenant",
        TestStacks.webhookConfig("https://hooks.example.com/listed-s3cr3t"));

    var response = TestStacks.send(stack, "GET", "/multitenant_alertmanager/configs", "any", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("listed-tenant:\n  template_files: {}\n  alertmanager_config:")
        .contains("<secret>")
        .doesNotContain("listed-s3cr3t");
  }

  private static void waitForConfig(String url) throws Exception {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      var held = stack.server().apiServices().configs().current("reloaded");
      if (held.isPresent() && held.get().getAlertmanagerConfig().contains(url)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the reloaded config with " + url + " did not arrive");
  }
}
