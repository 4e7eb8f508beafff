package dev.herald.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Browser;
import dev.herald.testing.Deployments;
import dev.herald.testing.DevUser;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.HeraldIT;
import dev.herald.testing.ReplayWitness;
import dev.herald.testing.ReplayedEvents;
import dev.herald.testing.SwitchedHandler;
import dev.herald.testing.TestEvents;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;

/**
 * The console in headless Chromium against the whole WAR: what an operator and a reader do with it.
 * Every scenario leaves a screenshot in {@code target/console-screenshots/} and fails on any error
 * in the browser's console (a failed request included).
 */
@HeraldIT
class ConsoleIT {

  private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
  private static final int PORT = Integer.getInteger("herald.http.port", 9080);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.herald();
  }

  private final HeraldClient herald = new HeraldClient();
  private Browser browser;

  /** Console messages a scenario expects, e.g. the 403 a reader is given when forcing an action. */
  private String expectedError;

  @BeforeEach
  void openBrowser() {
    browser = new Browser();
  }

  @AfterEach
  void screenshotAndConsole(TestInfo test) {
    if (browser == null) {
      return; // it did not start: the test failed with the reason
    }
    try {
      browser.screenshot(
          SCREENSHOTS.resolve(test.getTestMethod().orElseThrow().getName() + ".png"));
      List<String> resources =
          strings(
              browser
                  .driver()
                  .executeScript(
                      "return performance.getEntriesByType('resource').map(e => new URL(e.name).origin)"));
      assertThat(resources)
          .as("every asset and call of the console comes from the server itself")
          .containsOnly("http://localhost:" + PORT);
      List<LogEntry> errors =
          browser.errors().stream()
              .filter(e -> expectedError == null || !e.getMessage().contains(expectedError))
              .toList();
      assertThat(errors).as("errors in the browser's console").isEmpty();
    } finally {
      browser.close();
    }
  }

  @Test
  void anOperatorRedrivesADeadLetterOnceTheHandlerIsFixedAndSeesTheHandledCountRise() {
    String name = "switch-" + UUID.randomUUID();
    assertThat(herald.put("api/test/switches/" + name).statusCode()).isEqualTo(204);
    String id = TestEvents.newId();
    String switched = "\"" + SwitchedHandler.SWITCH + "\":\"" + name + "\"";
    assertThat(
            herald
                .postJson("api/events", TestEvents.chatMessage(id, "acme", switched))
                .statusCode())
        .isEqualTo(202);
    await("the event dead-lettered")
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                herald
                    .get("api/dead-letters?handler=switched&type=" + TestEvents.TYPE)
                    .body()
                    .contains("\"" + id + "\""));
    herald.delete("api/test/switches/" + name); // the handler is fixed

    browser.open(PORT, DevUser.OPERATOR, "console/#/handlers");
    WebElement before =
        browser.await(By.cssSelector("tr[data-handler='switched'] td[data-successes]"));
    long handled = Long.parseLong(before.getAttribute("data-successes"));

    browser.go("#/dead-letters");
    browser.await(By.id("dl-handler")).sendKeys("switched");
    browser.driver().findElement(By.cssSelector("form.filters button[type='submit']")).click();
    browser
        .await(
            By.cssSelector(
                "#dl-results[data-query*='handler=switched'] tr[data-event='"
                    + id
                    + "'] input.pick"))
        .click();
    browser.driver().findElement(By.id("dl-redrive-selected")).click();
    WebElement dialog = browser.await(By.cssSelector("dialog.confirm[open]"));
    assertThat(dialog.getText()).contains("Redrive").contains("dead letter");
    dialog.findElement(By.cssSelector("button.danger")).click();
    assertThat(browser.await(By.cssSelector("#notice span.ok")).getText())
        .isEqualTo("Redrove 1 dead letter");

    browser.go("#/handlers");
    browser.until(
        "the handler's successes above " + handled,
        () ->
            browser
                .driver()
                .findElements(By.cssSelector("tr[data-handler='switched'] td[data-successes]"))
                .stream()
                .anyMatch(td -> Long.parseLong(td.getAttribute("data-successes")) > handled));
    assertThat(HeraldClient.json(herald.get("api/test/switches/" + name).body()).getInt("distinct"))
        .isEqualTo(1);
  }

  @Test
  void aReplayStartedFromTheFormCompletes() {
    String run = "console-" + UUID.randomUUID();
    Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(2);
    for (int i = 0; i < 3; i++) {
      String data = "\"" + ReplayedEvents.RUN + "\":\"" + run + "\"";
      assertThat(
              herald
                  .postJson("api/events", TestEvents.chatMessage(run + "-" + i, "acme", data))
                  .statusCode())
          .isEqualTo(202);
    }
    browser.open(PORT, DevUser.OPERATOR, "console/#/replays");
    browser.await(By.id("replay-form"));
    setValue("replay-type", TestEvents.TYPE);
    setValue("replay-from", local(from));
    setValue("replay-to", local(Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS)));
    browser.driver().findElement(By.id("replay-handlers")).sendKeys(ReplayWitness.NAME);
    browser.driver().findElement(By.cssSelector("#replay-form button[type='submit']")).click();
    browser.await(By.cssSelector("dialog.confirm[open] button.danger")).click();
    String started = browser.await(By.cssSelector("#notice span.ok")).getText();
    assertThat(started).startsWith("Replay ").endsWith(" started");
    String replay = started.substring("Replay ".length(), started.length() - " started".length());

    browser.await(By.cssSelector("tr[data-replay='" + replay + "'][data-state='completed']"));
    await("the replayed events at the witness")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                HeraldClient.jsonArray(
                            herald
                                .get("api/test/replayed/" + ReplayWitness.NAME + "/" + run)
                                .body())
                        .size()
                    == 3);
  }

  @Test
  void aReaderSeesEveryPageButNoActionAndIsRefusedWhenForcingOne() {
    browser.open(PORT, DevUser.READER, "console/#/overview");
    browser.await(By.cssSelector("tr[data-channel='chat-message-received']"));
    assertThat(browser.driver().findElement(By.id("who")).getText()).contains("reader");
    for (String page : List.of("#/overview", "#/dead-letters", "#/replays", "#/webhooks")) {
      browser.go(page);
      browser.present(By.cssSelector("#view table, #view p.empty"));
      assertThat(browser.driver().findElements(By.cssSelector("#view button.action")))
          .as("action buttons on " + page)
          .isEmpty();
    }
    assertThat(browser.driver().findElements(By.id("replay-form"))).isEmpty();
    browser.go("#/types/" + TestEvents.TYPE);
    WebElement diff = browser.await(By.cssSelector("#type-detail pre.diff"));
    assertThat(diff.findElements(By.cssSelector("span.added")))
        .as("lines of v2 not in v1")
        .isNotEmpty();
    assertThat(diff.findElements(By.cssSelector("span.removed")))
        .as("lines of v1 not in v2")
        .isNotEmpty();

    expectedError = "status of 403";
    Object status =
        browser
            .driver()
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(new URL('/api/channels/chat-message-received/pause', location.origin),"
                    + " {method: 'POST'})"
                    + ".then(r => r.text().then(body => done(r.status + ' ' + body)))"
                    + ".catch(e => done('failed: ' + e))");
    assertThat(status.toString()).startsWith("403 ").contains("operator");
    JsonObject channel = HeraldClient.json(herald.get("api/channels/chat-message-received").body());
    assertThat(channel.getString("state")).isEqualTo("running");
  }

  @Test
  void theLiveTailShowsAPublishedEvent() {
    browser.open(PORT, DevUser.READER, "console/#/tail");
    browser.until(
        "the stream open", () -> browser.await(By.id("tail-state")).getText().equals("live"));
    String id = TestEvents.newId();
    assertThat(herald.postJson("api/events", TestEvents.chatMessage(id, "acme", "")).statusCode())
        .isEqualTo(202);

    WebElement shown = browser.await(By.cssSelector("#tail-events li[data-id='" + id + "']"));
    assertThat(shown.getText()).contains(TestEvents.TYPE).contains("acme");
  }

  @Test
  void theConsoleNeedsALoginAndIsServedWithAContentSecurityPolicy() {
    assertThat(herald.anonymous().get("console/").statusCode()).isEqualTo(401);
    assertThat(herald.as(DevUser.PUBLISHER).get("console/").statusCode()).isEqualTo(403);
    for (String asset : List.of("console/", "console/js/main.js", "console/console.css")) {
      HttpResponse<String> response = herald.as(DevUser.READER).get(asset);
      assertThat(response.statusCode()).as(asset).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .as(asset)
          .hasValue(ConsoleHeaders.POLICY);
    }
    browser.open(PORT, DevUser.ADMIN, "console/");
    assertThat(browser.await(By.cssSelector("nav a[aria-current='page']")).getText())
        .isEqualTo("Overview");
  }

  private void setValue(String id, String value) {
    browser
        .driver()
        .executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
  }

  /** The browser's local date and time of an instant, as a datetime-local input takes it. */
  private String local(Instant instant) {
    Object zone =
        browser.driver().executeScript("return Intl.DateTimeFormat().resolvedOptions().timeZone");
    return LocalDateTime.ofInstant(instant, ZoneId.of(zone.toString())).toString();
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object value) {
    return (List<String>) value;
  }
}
