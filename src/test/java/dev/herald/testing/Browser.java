package dev.herald.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by its chromedriver, both at the paths Debian installs them
 * ({@code herald.chromium} and {@code herald.chromedriver} change them), with a profile of its own
 * and no network but the test server's. Keeps the browser's console messages for {@link #errors}.
 */
public final class Browser implements AutoCloseable {

  /** How long a page may take to show what a test waits for. */
  public static final Duration WAIT = Duration.ofSeconds(30);

  private final ChromeDriver driver;
  private final Path profile;
  private final List<LogEntry> console = new ArrayList<>();

  public Browser() {
    try {
      profile = Files.createTempDirectory("herald-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("herald.chromium", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--window-size=1440,900",
        "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                Path.of(System.getProperty("herald.chromedriver", "/usr/bin/chromedriver"))
                    .toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(WAIT);
  }

  public ChromeDriver driver() {
    return driver;
  }

  /**
   * Opens a page of the server logged in as {@code user} (HTTP Basic, as its login dialog would).
   */
  public void open(int port, DevUser user, String path) {
    driver.get(
        "http://" + user.username() + ":" + user.password() + "@localhost:" + port + "/" + path);
  }

  /**
   * Goes to another page of the console, as its menu would, and waits until that page replaced the
   * one before ({@code #/dead-letters} shows {@code #page-dead-letters}).
   */
  public void go(String hash) {
    driver.executeScript("location.hash = arguments[0]", hash);
    present(By.id("page-" + hash.replaceFirst("^#/", "").split("/")[0]));
  }

  /** The element once it is visible. */
  public WebElement await(By by) {
    return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** The element once it is in the page, shown or not (e.g. inside a closed {@code <details>}). */
  public WebElement present(By by) {
    return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
  }

  /** Waits (at most {@link #WAIT}) until the condition holds, giving what it was waiting for. */
  public void until(String what, BooleanSupplier condition) {
    new WebDriverWait(driver, WAIT).withMessage(what).until(d -> condition.getAsBoolean());
  }

  /** Every console message of level SEVERE since the browser started (network errors too). */
  public List<LogEntry> errors() {
    console.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
    return console.stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .toList();
  }

  /** Writes a PNG of the window. */
  public Path screenshot(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a profile left in the temp directory is harmless
    }
  }
}
