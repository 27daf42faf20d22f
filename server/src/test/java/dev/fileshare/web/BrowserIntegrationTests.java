package dev.fileshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.Mailbox;
import dev.fileshare.support.SignUp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A person in a real (headless) Chromium: signs up, confirms the address from the mail, uploads,
 * downloads, makes a file private, and another person does not see it. Skipped only where {@code
 * /usr/bin/chromium} is missing; {@code .ci/run} installs it.
 */
class BrowserIntegrationTests extends BrowserTest {

  @Test
  void aPersonSignsUpUploadsDownloadsAndKeepsAFilePrivate() throws Exception {
    var alice = SignUp.newName("alice");
    var report = alice + "-report.pdf";
    var handbook = alice + "-handbook.pdf";
    var reportFile = TestPdfs.write(work.resolve(report), "Quarterly report", 1_000_000);
    var handbookFile = TestPdfs.write(work.resolve(handbook), "Team handbook", 0);
    var damaged = Files.writeString(work.resolve(alice + "-damaged.pdf"), "%PDF-1.7 not really");

    browser.open("/");
    browser.heading("Sign in");
    browser.screenshot("sign-in");

    browser.press("Create an account");
    browser.heading("Create your account");
    browser.type("Username", alice);
    browser.type("Email address", SignUp.email(alice));
    browser.type("Password", SignUp.PASSWORD);
    browser.press("Create account");
    browser.heading("Check your inbox");
    browser.seeText(SignUp.email(alice));

    var token = Mailbox.token(Mailbox.await(SignUp.email(alice), 1), "/verify-email/");
    browser.open("/verify-email/" + token);
    browser.heading("Confirm your email address");
    browser.press("Confirm my email address");
    browser.heading("Email address confirmed");
    browser.press("sign in");

    browser.heading("Sign in");
    browser.type("Username", alice);
    browser.type("Password", "not the password at all");
    browser.press("Sign in");
    browser.seeText("The username or password is not right.");
    browser.signIn(alice, SignUp.PASSWORD);

    // Two files at once, the first slowly enough to watch its progress.
    browser.throttleUploads(1_000_000);
    browser
        .driver
        .findElement(By.id("file-input"))
        .sendKeys(reportFile + "\n" + handbookFile + "\n" + damaged);
    var seen = new ArrayList<Integer>();
    var pictured = new AtomicBoolean();
    browser.await(
        driver -> {
          var item = driver.findElement(browser.upload(report));
          var value = (int) Double.parseDouble(progressOf(item));
          if (seen.isEmpty() || seen.get(seen.size() - 1) != value) {
            seen.add(value);
          }
          if (value > 20 && value < 80 && !pictured.getAndSet(true)) {
            assertThat(item.getText()).contains("/s").contains("left");
            browser.screenshot("upload-progress");
          }
          return value == 100 && item.getText().contains("Uploaded");
        });
    browser.throttleUploads(0);
    assertThat(seen).as("progress seen on the way").anyMatch(value -> value > 0 && value < 100);
    assertThat(seen.get(seen.size() - 1)).isEqualTo(100);
    browser
        .await(driver -> driver.findElement(browser.upload(handbook)).getText())
        .contains("Uploaded");
    browser.await(
        ExpectedConditions.textToBePresentInElementLocated(
            browser.upload(alice + "-damaged.pdf"), "could not be read: it may be damaged"));
    browser.await(ExpectedConditions.presenceOfElementLocated(browser.fileRow(report)));
    browser.await(ExpectedConditions.presenceOfElementLocated(browser.fileRow(handbook)));
    browser.press("Clear finished");
    browser.screenshot("files");
    browser.phone();
    browser.screenshot("phone");
    browser.desktop();

    // Streamed through the service worker, which is in control of the page by now.
    assertThat(
            browser.driver.executeScript(
                "return navigator.serviceWorker.controller?.scriptURL ?? ''"))
        .asString()
        .endsWith("/download-worker.js");
    browser.press("Download " + report);
    var downloaded = browser.downloads.resolve(report);
    browser.await(
        driver -> Files.exists(downloaded) && size(downloaded) == size(reportFile) ? true : null);
    assertThat(Files.mismatch(downloaded, reportFile)).isEqualTo(-1L);

    browser.press("More actions for " + report);
    browser.press("Make private");
    browser.await(
        ExpectedConditions.textToBePresentInElementLocated(browser.fileRow(report), "Only you"));

    browser.press("Sign out");
    browser.heading("Sign in");

    var bob = SignUp.newName("bob");
    SignUp.verifiedUser(new Api(port), bob);
    browser.signIn(bob, SignUp.PASSWORD);
    browser.type("Search files by name", alice);
    browser.await(
        ExpectedConditions.textToBePresentInElementLocated(browser.fileRow(handbook), alice));
    assertThat(browser.all(browser.fileRow(report))).as("a private file of someone else").isEmpty();
    assertThat(browser.all(browser.control("More actions for " + handbook))).isEmpty();
    browser.press("Sign out");

    browser.signIn(alice, SignUp.PASSWORD);
    browser.press("More actions for " + report);
    browser.press("Delete…");
    browser.await(
        ExpectedConditions.visibilityOfElementLocated(
            By.xpath("//dialog//h2" + Browser.text("Delete “" + report + "”?"))));
    browser.screenshot("delete");
    browser.driver.findElement(By.xpath("//dialog//button" + Browser.text("Delete"))).click();
    browser.await(ExpectedConditions.invisibilityOfElementLocated(browser.fileRow(report)));
    browser.seeText("Moved “" + report + "” to the trash.");
    assertThat(browser.all(browser.fileRow(handbook))).hasSize(1);
  }

  private static String progressOf(org.openqa.selenium.WebElement item) {
    return item.findElement(By.tagName("progress")).getDomProperty("value");
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }
}
