package dev.fileshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.SignUp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * New files go up through tus in chunks, and an upload cut off by a dropped connection goes on from
 * where the server got to, ending with the very bytes that were chosen; after a long outage it
 * pauses, and Retry goes on with the same upload.
 */
class BrowserResumeIntegrationTests extends BrowserTest {

  @Autowired JdbcClient jdbc;

  /** Uploads are slowed and cut by a proxy between the browser and the server. */
  @org.junit.jupiter.api.BeforeEach
  void throughTheProxy() throws IOException {
    browser.throughThrottlingProxy();
  }

  @Test
  void aNewFileGoesUpThroughTus() throws Exception {
    var dave = SignUp.newName("dave");
    SignUp.verifiedUser(new Api(port), dave);
    var name = dave + "-manual.pdf";
    var pdf = TestPdfs.write(work.resolve(name), "Manual", 1_000_000);

    browser.open("/");
    browser.signIn(dave, SignUp.PASSWORD);
    browser.driver.findElement(By.id("file-input")).sendKeys(pdf.toString());
    awaitUploaded(name);
    browser.await(ExpectedConditions.presenceOfElementLocated(browser.fileRow(name)));

    assertThat(uploadsOf(name)).isEqualTo(1);
    assertThat(sha256Of(name)).isEqualTo(sha256(pdf));
  }

  @Test
  void anUploadCutOffByADroppedConnectionGoesOnWhereItStopped() throws Exception {
    var started = uploadIntoTheSecondChunk("erin", "Atlas");
    var name = started.name();
    var pdf = started.pdf();

    offline(true);
    try {
      browser.await(
          ExpectedConditions.textToBePresentInElementLocated(
              browser.upload(name), "Connection lost — retrying…"));
      Thread.sleep(1_500);
    } finally {
      offline(false);
      browser.throttleUploads(0);
    }
    assertThat(lowestProgressUntilUploaded(name))
        .as("went on from the stored chunk, not from 0")
        .isGreaterThan(35);
    awaitUploaded(name);
    browser.await(ExpectedConditions.presenceOfElementLocated(browser.fileRow(name)));

    assertThat(uploadsOf(name)).as("one upload, resumed, not a new one").isEqualTo(1);
    assertThat(sha256Of(name)).isEqualTo(sha256(pdf));
    assertThat(Files.size(pdf)).isGreaterThan(16L * 1024 * 1024);
  }

  @Test
  void choosingTheSameFileAfterAReloadGoesOnWhereItStopped() throws Exception {
    var started = uploadIntoTheSecondChunk("fay", "Survey");
    var name = started.name();
    var pdf = started.pdf();
    browser.driver.navigate().refresh();
    browser.heading("Files");
    browser.throttleUploads(0);
    browser.driver.findElement(By.id("file-input")).sendKeys(pdf.toString());
    assertThat(lowestProgressUntilUploaded(name))
        .as("went on from the stored chunk, not from 0")
        .isGreaterThan(35);
    browser.await(ExpectedConditions.presenceOfElementLocated(browser.fileRow(name)));
    assertThat(uploadsOf(name)).isEqualTo(1);
    assertThat(sha256Of(name)).isEqualTo(sha256(pdf));
  }

  @Test
  void anUploadOfflineForLongPausesAndRetryGoesOnWithTheSameUpload() throws Exception {
    var started = uploadIntoTheSecondChunk("gus", "Ledger");
    var name = started.name();
    var pdf = started.pdf();

    offline(true);
    try {
      // the client asks six times, 45 s in all, then gives up until the user says so
      new WebDriverWait(browser.driver, Duration.ofSeconds(120), Duration.ofMillis(200))
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  browser.upload(name), "Upload paused, press Retry."));
    } finally {
      offline(false);
      browser.throttleUploads(0);
    }
    browser
        .driver
        .findElement(By.cssSelector("button[aria-label='Retry upload of " + name + "']"))
        .click();
    awaitUploaded(name);
    browser.await(ExpectedConditions.presenceOfElementLocated(browser.fileRow(name)));

    assertThat(uploadsBy(started.user())).as("Retry went on with the same upload").isEqualTo(1);
    assertThat(sha256Of(name)).isEqualTo(sha256(pdf));
  }

  private record Started(String user, String name, Path pdf) {}

  /**
   * Signs a new user in and starts a throttled upload of a 7 MB file (three chunks), returning once
   * it is into the second chunk: the first 8 MB (38 %) are stored on the server.
   */
  private Started uploadIntoTheSecondChunk(String who, String title) throws IOException {
    var user = SignUp.newName(who);
    SignUp.verifiedUser(new Api(port), user);
    var name = user + "-" + title.toLowerCase(Locale.ROOT) + ".pdf";
    var pdf = TestPdfs.write(work.resolve(name), title, 7_000_000);
    browser.open("/");
    browser.signIn(user, SignUp.PASSWORD);
    browser.throttleUploads(4_000_000);
    browser.driver.findElement(By.id("file-input")).sendKeys(pdf.toString());
    browser.await(driver -> progress(browser.upload(name)) >= 45 ? true : null);
    return new Started(user, name, pdf);
  }

  /** The lowest progress shown from now until the upload says it is done. */
  private int lowestProgressUntilUploaded(String name) {
    var lowest = new AtomicInteger(100);
    browser.await(
        driver -> {
          lowest.accumulateAndGet(progress(browser.upload(name)), Math::min);
          return driver.findElement(browser.upload(name)).getText().contains("Uploaded")
              ? true
              : null;
        });
    return lowest.get();
  }

  private void awaitUploaded(String name) {
    browser.await(
        driver -> {
          var item = driver.findElement(browser.upload(name));
          return progress(browser.upload(name)) == 100 && item.getText().contains("Uploaded")
              ? true
              : null;
        });
  }

  private int progress(By upload) {
    var value =
        browser
            .driver
            .findElement(upload)
            .findElement(By.tagName("progress"))
            .getDomProperty("value");
    return (int) Double.parseDouble(value);
  }

  private void offline(boolean offline) {
    browser.network(offline, offline ? 0 : 4_000_000);
  }

  /** How many tus uploads the user started, finished or not. */
  private long uploadsBy(String username) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM tus_uploads u JOIN users s ON s.id = u.owner_id"
                + " WHERE s.username = ?")
        .param(username)
        .query(Long.class)
        .single();
  }

  /** How many tus uploads made a file of this name (the rows stay until they expire). */
  private long uploadsOf(String name) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM tus_uploads u JOIN files f ON f.id = u.file_id WHERE f.name = ?")
        .param(name)
        .query(Long.class)
        .single();
  }

  private String sha256Of(String name) {
    return jdbc.sql("SELECT sha256 FROM files WHERE name = ?")
        .param(name)
        .query(String.class)
        .single();
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    var digest = MessageDigest.getInstance("SHA-256");
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
