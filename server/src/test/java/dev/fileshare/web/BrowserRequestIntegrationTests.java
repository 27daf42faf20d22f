package dev.fileshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.Mailbox;
import dev.fileshare.support.SignUp;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.context.TestPropertySource;

/**
 * A stranger opens a file request's link in a fresh browser and sends a large PDF; the connection
 * drops halfway and the upload goes on where it stopped. The owner finds the file among theirs and
 * gets one mail about it; the owner's Requests screen shows the request with its count.
 */
@TestPropertySource(
    properties = {"fileshare.requests.notify-delay=2s", "fileshare.requests.notify-check=200ms"})
class BrowserRequestIntegrationTests extends BrowserTest {

  /** Uploads are slowed and cut by a proxy between the browser and the server. */
  @org.junit.jupiter.api.BeforeEach
  void throughTheProxy() throws IOException {
    browser.throughThrottlingProxy();
  }

  @Test
  void aStrangersLargeUploadSurvivesADroppedConnectionAndTheOwnerIsToldOnce() throws Exception {
    var owner = SignUp.newName("hana");
    var server = new Api(port);
    var token = SignUp.verifiedUser(server, owner);
    var created =
        server
            .post("/api/requests/")
            .token(token)
            .json(Map.of("title", "Board papers", "instructions", "The signed minutes, please."))
            .send();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    var url = created.json().get("url").asString();
    var requestId = created.json().get("id").asLong();
    var name = owner + "-minutes.pdf";
    var pdf = TestPdfs.write(work.resolve(name), "Minutes", 10_000_000);
    assertThat(Files.size(pdf)).isGreaterThan(28L * 1024 * 1024);

    browser.open(url.substring(url.indexOf("/r/")));
    browser.heading("Board papers");
    browser.seeText("The signed minutes, please.");
    browser.type("Your name (optional)", "Ines Stranger");
    browser.throttleUploads(4_000_000);
    browser.driver.findElement(By.id("files")).sendKeys(pdf.toString());
    browser.await(driver -> progress(name) >= 35 ? true : null);

    offline(true);
    try {
      browser.await(
          ExpectedConditions.textToBePresentInElementLocated(
              upload(name), "Connection lost — retrying…"));
      Thread.sleep(1_500);
    } finally {
      offline(false);
      browser.throttleUploads(0);
    }
    var lowest = new AtomicInteger(100);
    browser.await(
        driver -> {
          if (driver.findElements(upload(name)).isEmpty()) {
            return true;
          }
          lowest.accumulateAndGet(progress(name), Math::min);
          return null;
        });
    assertThat(lowest.get()).as("went on from the stored chunks, not from 0").isGreaterThan(20);
    browser.await(ExpectedConditions.presenceOfElementLocated(sent(name)));

    var files = server.get("/api/files/?request=" + requestId).token(token).send().json();
    assertThat(files).hasSize(1);
    assertThat(files.get(0).get("name").asString()).isEqualTo(name);
    assertThat(files.get(0).get("size").asLong()).isEqualTo(Files.size(pdf));
    assertThat(files.get(0).get("visibility").asString()).isEqualTo("private");

    var address = SignUp.email(owner);
    var mail =
        Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> uploadMails(address), count -> count >= 1);
    assertThat(mail).isEqualTo(1);
    Awaitility.await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(() -> uploadMails(address) == 1);
    var text =
        Mailbox.text(
            Mailbox.all(address).stream()
                .filter(m -> subject(m).contains("request"))
                .findFirst()
                .orElseThrow());
    assertThat(text).contains(name).contains("from Ines Stranger");

    browser.driver.manage().deleteAllCookies();
    browser.open("/");
    browser.signIn(owner, SignUp.PASSWORD);
    browser.press("Requests");
    browser.heading("Requests");
    browser.seeText("Board papers");
    browser.seeText("1 file");
    browser.press("1 file");
    browser.await(ExpectedConditions.presenceOfElementLocated(browser.fileRow(name)));
  }

  private long uploadMails(String address) {
    return Mailbox.all(address).stream()
        .filter(m -> subject(m).contains("for your request"))
        .count();
  }

  private static String subject(jakarta.mail.internet.MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static By upload(String name) {
    return By.xpath(
        "//ul[@class='uploads']/li[span[@class='name' and normalize-space()="
            + Browser.quote(name)
            + "]]");
  }

  private static By sent(String name) {
    return By.xpath(
        "//ul[@class='sent']/li[span[@class='name' and normalize-space()="
            + Browser.quote(name)
            + "]]");
  }

  private int progress(String name) {
    var items = browser.driver.findElements(upload(name));
    try {
      if (items.isEmpty()) {
        return 100;
      }
      var value = items.get(0).findElement(By.tagName("progress")).getDomProperty("value");
      return (int) Double.parseDouble(value);
    } catch (StaleElementReferenceException done) {
      return 100; // the item went as the upload finished
    }
  }

  private void offline(boolean offline) {
    browser.network(offline, offline ? 0 : 4_000_000);
  }
}
