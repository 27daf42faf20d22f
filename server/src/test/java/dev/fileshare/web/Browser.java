package dev.fileshare.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium, driven through its chromedriver: both paths are given, so nothing is
 * ever downloaded. Finds things the way a person does: by label, button text and heading.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("docs", "screenshots");

  final ChromeDriver driver;
  final Path downloads;
  private final ChromeDriverService service;
  private final Path profile;
  private String base;
  private @org.jspecify.annotations.Nullable ThrottlingProxy proxy;
  private final WebDriverWait wait;

  private Browser(String base, Path profile, Path downloads) {
    this.base = base;
    this.profile = profile;
    this.downloads = downloads;
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--user-data-dir=" + profile,
        "--window-size=1280,860",
        "--lang=en-US");
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads.toString(),
            "download.prompt_for_download",
            false,
            "intl.accept_languages",
            "en-US"));
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.executeCdpCommand(
        "Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    wait = new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(50));
  }

  static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  static Browser start(String base) throws IOException {
    return new Browser(
        base,
        Files.createTempDirectory("fileshare-chromium-"),
        Files.createTempDirectory("fileshare-downloads-"));
  }

  void open(String path) {
    driver.get(base + path);
  }

  <T> T await(Function<WebDriver, T> condition) {
    return wait.until(condition);
  }

  /** Waits for the screen whose main heading is {@code text}. */
  void heading(String text) {
    await(ExpectedConditions.textToBe(By.cssSelector("main h1"), text));
  }

  /** The form field labelled {@code label}. */
  WebElement field(String label) {
    var labelElement =
        await(ExpectedConditions.presenceOfElementLocated(By.xpath("//label" + text(label))));
    return driver.findElement(By.id(labelElement.getDomAttribute("for")));
  }

  void type(String label, String value) {
    var input = field(label);
    input.clear();
    input.sendKeys(value);
  }

  /** Clicks the button or link a person would: by its visible text or its accessible name. */
  void press(String name) {
    for (int attempt = 1; ; attempt++) {
      try {
        await(ExpectedConditions.elementToBeClickable(control(name))).click();
        return;
      } catch (StaleElementReferenceException e) {
        // drawn again between finding and clicking (a list answered anew): find it again
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  /** Signs in from the sign-in screen and waits for the files. */
  void signIn(String username, String password) {
    heading("Sign in");
    type("Username", username);
    type("Password", password);
    press("Sign in");
    heading("Files");
  }

  /** Picks the radio button or checkbox labelled {@code label}. */
  void choose(String label) {
    await(ExpectedConditions.elementToBeClickable(By.xpath("//label" + text(label)))).click();
  }

  By control(String name) {
    var match = "[@aria-label=" + quote(name) + " or normalize-space()=" + quote(name) + "]";
    return By.xpath("//button" + match + " | //a" + match);
  }

  void seeText(String text) {
    await(
        ExpectedConditions.presenceOfElementLocated(
            By.xpath("//*[contains(normalize-space(), " + quote(text) + ")]")));
  }

  /** The row of the file list showing a file of this name. */
  By fileRow(String name) {
    return By.xpath(
        "//li[contains(@class,'file-row')][.//span[@class='file-name' and normalize-space()="
            + quote(name)
            + "]]");
  }

  /** The item of the upload list for a file of this name. */
  By upload(String name) {
    return By.xpath(
        "//li[contains(@class,'upload')][.//span[@class='upload-name' and normalize-space()="
            + quote(name)
            + "]]");
  }

  List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  /**
   * Uploads at most this many bytes a second, or without limit for 0: through the proxy when {@link
   * #throughThrottlingProxy} was called, else with Chromium's network emulation (which Chromium 150
   * no longer applies to uploads: a test that needs them slow uses the proxy).
   */
  void throttleUploads(long bytesPerSecond) {
    if (proxy != null) {
      proxy.network(false, bytesPerSecond);
      return;
    }
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand(
        "Network.emulateNetworkConditions",
        Map.of(
            "offline",
            false,
            "latency",
            0,
            "downloadThroughput",
            -1,
            "uploadThroughput",
            bytesPerSecond > 0 ? bytesPerSecond : -1));
  }

  /**
   * From now on the browser reaches the server through a {@link ThrottlingProxy}, which {@link
   * #network} and {@link #throttleUploads} then control. Call before the first {@link #open}.
   */
  void throughThrottlingProxy() throws IOException {
    var uri = java.net.URI.create(base);
    proxy = new ThrottlingProxy(uri.getPort());
    base = uri.getScheme() + "://" + uri.getHost() + ":" + proxy.port();
  }

  /**
   * Plays the network: offline, or online with uploads limited to {@code uploadBytesPerSecond} (0:
   * no limit), through the proxy of {@link #throughThrottlingProxy}.
   */
  void network(boolean offline, long uploadBytesPerSecond) {
    if (proxy == null) {
      throw new IllegalStateException("call throughThrottlingProxy() before the first open()");
    }
    proxy.network(offline, uploadBytesPerSecond);
  }

  /** Renders at a phone's size (until {@link #desktop()}). */
  void phone() {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
    driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true));
  }

  void desktop() {
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
  }

  /** Saves what the screen shows as docs/screenshots/{name}.png when -Dfileshare.screenshots. */
  void screenshot(String name) {
    if (!Boolean.getBoolean("fileshare.screenshots")) {
      return;
    }
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(String text) {
    return "[normalize-space()=" + quote(text) + "]";
  }

  /** An XPath string literal for any text. */
  static String quote(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }

  @Override
  public void close() throws IOException {
    if (proxy != null) {
      proxy.close();
    }
    try {
      driver.quit();
    } finally {
      service.stop();
      FileSystemUtils.deleteRecursively(profile);
      FileSystemUtils.deleteRecursively(downloads);
    }
  }
}
