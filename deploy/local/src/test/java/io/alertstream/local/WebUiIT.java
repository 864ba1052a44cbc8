package io.alertstream.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.alertstream.api.ApiServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in Debian's headless Chromium: a tenant's firing alert is shown, silenced from the UI,
 * and then shown as silenced; with authentication on, the page signs in first. Screenshots go to
 * {@code target/ui-screenshots}.
 */
class WebUiIT {

  private static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");
  private static final WireMockServer receiver = new WireMockServer(wireMockConfig().dynamicPort());
  private static LocalStack stack;
  private static ApiServer authenticated;
  private static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    TestStacks.requireBinary(Path.of("/usr/bin/chromium"));
    TestStacks.requireBinary(Path.of("/usr/bin/chromedriver"));
    receiver.start();
    receiver.stubFor(post(urlPathEqualTo("/ui")).willReturn(aResponse().withStatus(200)));
    stack = TestStacks.shared();
    authenticated = TestStacks.authenticatedApi(stack, Map.of("ui-secure", "ui-pw-7"));
    for (String tenant : new String[] {"ui-tenant", "ui-secure"}) {
      TestStacks.publishConfig(stack, tenant, TestStacks.webhookConfig(receiver.baseUrl() + "/ui"));
      TestStacks.postAlerts(
          stack,
          tenant,
          "[{\"labels\":{\"alertname\":\"UiDiskFull\",\"instance\":\"db-1\"},"
              + "\"annotations\":{\"summary\":\"disk 97% full\"}}]");
    }
    Files.createDirectories(SCREENSHOTS);
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--window-size=1280,900");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (authenticated != null) {
      authenticated.close();
    }
    receiver.stop();
  }

  @Test
  void aFiringAlertIsSilencedFromThePage() throws Exception {
    browser.get(stack.apiUrl() + "/ui/?tenant=ui-tenant");
    WebElement alert = awaitAlertState("active");
    assertThat(alert.getText()).contains("alertname=UiDiskFull").contains("disk 97% full");
    screenshot("1-firing-alert");

    alert.findElement(By.className("silence-button")).click();
    WebElement form =
        wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("silence-form")));
    assertThat(browser.findElement(By.id("silence-matchers")).getAttribute("value"))
        .contains("alertname=\"UiDiskFull\"")
        .contains("instance=\"db-1\"");
    wait(10).until(ExpectedConditions.textToBe(By.id("silence-preview"), "1 alert"));
    browser.findElement(By.id("silence-comment")).sendKeys("disk is being replaced");
    screenshot("2-silence-form");
    form.findElement(By.id("silence-submit")).click();
    WebElement saved =
        wait(15)
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".silence .state-active")));
    assertThat(saved.getText()).isEqualTo("active");
    assertThat(form.isDisplayed()).as("the form closes once the silence is saved").isFalse();
    String silenceId =
        browser.findElement(By.cssSelector(".silence")).getAttribute("data-silence-id");
    screenshot("3-silence-list");

    browser.findElement(By.cssSelector("#tabs button[data-tab=alerts]")).click();
    WebElement silenced = awaitAlertState("silenced by " + silenceId);
    assertThat(silenced.findElement(By.className("state")).getText())
        .isEqualTo("silenced by " + silenceId);
    screenshot("4-silenced-alert");

    silenced.findElement(By.className("explain-button")).click();
    WebElement why =
        wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.className("explanation")));
    wait(10).until(d -> why.getText().contains("silenced now by silence " + silenceId));
    assertThat(why.getText()).contains("routed to receiver team");
    screenshot("4b-why");
  }

  @Test
  void aSilenceUntilResolvedIsMarkedAndSaysWhyItEnded() throws Exception {
    String tenant = "ui-until";
    TestStacks.publishConfig(stack, tenant, TestStacks.webhookConfig(receiver.baseUrl() + "/ui"));
    String alertJson =
        "[{\"labels\":{\"alertname\":\"UiUntilResolved\",\"instance\":\"db-3\"},"
            + "\"startsAt\":\"2026-01-01T00:00:00Z\"%s}]";
    TestStacks.postAlerts(stack, tenant, alertJson.formatted(""));
    browser.get(stack.apiUrl() + "/ui/?tenant=" + tenant);
    awaitAlertState("active").findElement(By.className("silence-button")).click();
    WebElement form =
        wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("silence-form")));
    browser.findElement(By.id("silence-comment")).sendKeys("until the disk is replaced");
    browser.findElement(By.id("silence-until-resolved")).click();
    form.findElement(By.id("silence-submit")).click();
    WebElement badge =
        wait(15)
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".silence .until-resolved")));
    assertThat(badge.getText()).isEqualTo("until resolved");

    TestStacks.postAlerts(
        stack, tenant, alertJson.formatted(",\"endsAt\":\"" + java.time.Instant.now() + "\""));
    String ended =
        wait(45)
            .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
            .until(
                d -> {
                  d.findElement(By.cssSelector("#tabs button[data-tab=silences]")).click();
                  List<WebElement> row = d.findElements(By.cssSelector(".silence"));
                  return row.isEmpty() || row.get(0).findElements(By.className("expiry")).isEmpty()
                      ? null
                      : row.get(0).getText();
                });
    assertThat(ended)
        .startsWith("expired")
        .contains("until resolved")
        .contains("Ended by itself: every alert it silenced had resolved");
    Thread.sleep(500); // the last click's reload
    screenshot("3b-until-resolved");
  }

  @Test
  void withAuthenticationThePageSignsInAndShowsTheTenantsAlerts() throws Exception {
    browser.get("http://127.0.0.1:" + authenticated.port() + "/ui/?tenant=ui-secure");
    WebElement password =
        wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
    assertThat(browser.findElement(By.id("message")).getText()).contains("sign in");
    screenshot("5-sign-in");
    password.sendKeys("ui-pw-7");
    browser.findElement(By.id("tenant-submit")).click();

    WebElement alert = awaitAlertState("active");
    assertThat(alert.getText()).contains("UiDiskFull");
    screenshot("6-signed-in");
  }

  @Test
  void aTenantInDryRunIsToldSoOnEveryTab() throws Exception {
    String body =
        "alertstream: {dry_run: true}\nalertmanager_config: |\n"
            + TestStacks.webhookConfig(receiver.baseUrl() + "/ui").replaceAll("(?m)^", "  ");
    var stored =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(stack.apiUrl() + "/api/v1/alerts"))
                    .header("X-Scope-OrgID", "ui-dry-tenant")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(stored.statusCode()).isEqualTo(201);

    browser.get(stack.apiUrl() + "/ui/?tenant=ui-dry-tenant");
    WebElement banner =
        wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("dry-run")));
    assertThat(banner.getText())
        .startsWith("Dry run: none of this tenant's notifications are sent")
        .contains("alertstream.dry_run");
    browser.findElement(By.cssSelector("#tabs button[data-tab=config]")).click();
    wait(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("config"), "route"));
    assertThat(browser.findElement(By.id("dry-run")).isDisplayed()).isTrue();
    screenshot("7-dry-run");
  }

  @Test
  void aReceiverIsTestedFromTheConfigTab() throws Exception {
    receiver.stubFor(
        post(urlPathEqualTo("/ui-refused"))
            .willReturn(aResponse().withStatus(403).withBody("nope")));
    TestStacks.publishConfig(
        stack,
        "ui-test-tenant",
        "route:\n  receiver: team\nreceivers:\n  - name: team\n    webhook_configs:\n"
            + "      - url: '"
            + receiver.baseUrl()
            + "/ui'\n      - url: '"
            + receiver.baseUrl()
            + "/ui-refused'\n");
    int before = receiver.findAll(postRequestedFor(urlPathEqualTo("/ui"))).size();

    browser.get(stack.apiUrl() + "/ui/?tenant=ui-test-tenant#config");
    WebElement button =
        wait(10)
            .until(
                ExpectedConditions.elementToBeClickable(
                    By.cssSelector(".receiver-test[data-receiver=team]")));
    button.click();
    WebElement result =
        wait(20)
            .until(
                d -> {
                  WebElement list = d.findElement(By.className("receiver-test-result"));
                  return list.getText().contains("failed") ? list : null;
                });
    assertThat(result.getText())
        .contains("delivered webhook[0] · status 200")
        .contains("failed webhook[1] · unexpected status code 403: nope");
    assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo("/ui")))).hasSize(before + 1);
    screenshot("8-receiver-test");
  }

  @Test
  void theHistoryTabDrawsEachAlertsPeriodsNotificationsAndSilences() throws Exception {
    String tenant = "ui-history";
    TestStacks.publishConfig(stack, tenant, TestStacks.webhookConfig(receiver.baseUrl() + "/ui"));
    java.time.Instant now = java.time.Instant.now();
    var silence =
        TestStacks.send(
            stack,
            "POST",
            "/api/v2/silences",
            tenant,
            "{\"matchers\":[{\"name\":\"alertname\",\"value\":\"UiHistoryQuiet\","
                + "\"isRegex\":false,\"isEqual\":true}],\"startsAt\":\""
                + now
                + "\",\"endsAt\":\""
                + now.plus(Duration.ofHours(2))
                + "\",\"createdBy\":\"ui-it\",\"comment\":\"db-2 maintenance\"}");
    assertThat(silence.statusCode()).isEqualTo(200);
    String silenceId = silence.body().replaceAll(".*\"silenceID\":\"([^\"]+)\".*", "$1");
    // Alerts that started earlier, so that the last hour shows their bars: one notified, one
    // silenced, and one that flapped (two resolved periods, then firing again).
    java.util.function.Function<Duration, String> ago = d -> "\"" + now.minus(d) + "\"";
    TestStacks.postAlerts(
        stack,
        tenant,
        "[{\"labels\":{\"alertname\":\"UiHistoryLoud\",\"instance\":\"web-1\"},\"startsAt\":"
            + ago.apply(Duration.ofMinutes(40))
            + "},{\"labels\":{\"alertname\":\"UiHistoryQuiet\",\"instance\":\"db-2\"},"
            + "\"startsAt\":"
            + ago.apply(Duration.ofMinutes(25))
            + "},{\"labels\":{\"alertname\":\"UiHistoryFlapping\",\"instance\":\"app-3\"},"
            + "\"startsAt\":"
            + ago.apply(Duration.ofMinutes(55))
            + ",\"endsAt\":"
            + ago.apply(Duration.ofMinutes(47))
            + "}]");
    Map<String, String> flapping = Map.of("alertname", "UiHistoryFlapping", "instance", "app-3");
    TestStacks.postAlerts(
        stack,
        tenant,
        "[{\"labels\":{\"alertname\":\"UiHistoryFlapping\",\"instance\":\"app-3\"},\"startsAt\":"
            + ago.apply(Duration.ofMinutes(33))
            + ",\"endsAt\":"
            + ago.apply(Duration.ofMinutes(21))
            + "}]");
    TestStacks.postAlerts(
        stack,
        tenant,
        "[{\"labels\":{\"alertname\":\"UiHistoryFlapping\",\"instance\":\"app-3\"},\"startsAt\":"
            + ago.apply(Duration.ofMinutes(8))
            + "}]");
    String loud =
        io.alertstream.topology.alerts.Fingerprint.of(
            Map.of("alertname", "UiHistoryLoud", "instance", "web-1"));
    String quiet =
        io.alertstream.topology.alerts.Fingerprint.of(
            Map.of("alertname", "UiHistoryQuiet", "instance", "db-2"));

    browser.get(stack.apiUrl() + "/ui/?tenant=" + tenant + "#history");
    new org.openqa.selenium.support.ui.Select(
            wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("history-range"))))
        .selectByValue("1");
    wait(30)
        .until(
            d -> {
              if (d.findElement(By.id("history-summary")).getText().startsWith("Reading")) {
                return false;
              }
              boolean drawn =
                  !d.findElements(
                              By.cssSelector(
                                  ".history-chart[data-range-hours='1']"
                                      + " .history-row[data-fingerprint='"
                                      + loud
                                      + "'] .history-notification"))
                          .isEmpty()
                      && !d.findElements(
                              By.cssSelector(
                                  ".history-chart[data-range-hours='1']"
                                      + " .history-row[data-fingerprint='"
                                      + quiet
                                      + "'] .history-silenced"))
                          .isEmpty();
              if (!drawn) {
                d.findElement(By.id("history-show")).click();
              }
              return drawn;
            });

    WebElement loudRow = historyRow(loud);
    assertThat(loudRow.getText()).contains("UiHistoryLoud").contains("instance=web-1");
    assertThat(loudRow.findElements(By.cssSelector(".history-period.history-open"))).hasSize(1);
    assertThat(loudRow.findElements(By.className("history-silenced"))).isEmpty();
    WebElement quietRow = historyRow(quiet);
    assertThat(quietRow.findElements(By.className("history-period"))).hasSize(1);
    assertThat(quietRow.findElements(By.className("history-notification"))).isEmpty();
    assertThat(quietRow.findElement(By.className("history-silenced")).getAttribute("title"))
        .contains("silenced by silence " + silenceId);
    WebElement flappingRow = historyRow(io.alertstream.topology.alerts.Fingerprint.of(flapping));
    assertThat(flappingRow.findElements(By.className("history-period"))).hasSize(3);
    assertThat(flappingRow.findElements(By.cssSelector(".history-period.history-open"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector(".history-axis .history-tick"))).isNotEmpty();
    assertThat(browser.findElement(By.id("history-summary")).getText()).contains("3 alerts");
    screenshot("9-history");
  }

  private static WebElement historyRow(String fingerprint) {
    return browser.findElement(
        By.cssSelector(".history-row[data-fingerprint='" + fingerprint + "']"));
  }

  private static WebElement awaitAlertState(String state) {
    return wait(20)
        .until(
            d -> {
              for (WebElement a : d.findElements(By.cssSelector(".alert"))) {
                if (a.findElement(By.className("state")).getText().equals(state)) {
                  return a;
                }
              }
              d.findElement(By.id("refresh")).click();
              return null;
            });
  }

  private static WebDriverWait wait(int seconds) {
    return new WebDriverWait(browser, Duration.ofSeconds(seconds));
  }

  private static void screenshot(String name) throws Exception {
    File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(
        shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
