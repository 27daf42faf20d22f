package dev.fileshare.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fileshare.support.Api;
import dev.fileshare.support.IntegrationTest;
import dev.fileshare.support.Mailbox;
import dev.fileshare.support.SignUp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person in a real (headless) Chromium: signs up, confirms the address from the mail, uploads,
 * downloads, makes a file private, and another person does not see it. Skipped only where {@code
 * /usr/bin/chromium} is missing; {@code .ci/run} installs it.
 */
@IntegrationTest
class BrowserIntegrationTests {

  @LocalServerPort int port;

  @TempDir Path work;

  private Browser browser;

  @BeforeEach
  void startBrowser() throws IOException {
    assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed");
    browser = Browser.start(new Api(port).base());
  }

  @AfterEach
  void closeBrowser() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }

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
    signIn(alice);

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
    signIn(bob);
    browser.type("Search files by name", alice);
    browser.await(
        ExpectedConditions.textToBePresentInElementLocated(browser.fileRow(handbook), alice));
    assertThat(browser.all(browser.fileRow(report))).as("a private file of someone else").isEmpty();
    assertThat(browser.all(browser.control("More actions for " + handbook))).isEmpty();
    browser.press("Sign out");

    signIn(alice);
    browser.press("More actions for " + report);
    browser.press("Delete…");
    browser.await(
        ExpectedConditions.visibilityOfElementLocated(
            By.xpath("//dialog//h2" + Browser.text("Delete “" + report + "”?"))));
    browser.screenshot("delete");
    browser.driver.findElement(By.xpath("//dialog//button" + Browser.text("Delete"))).click();
    browser.await(ExpectedConditions.invisibilityOfElementLocated(browser.fileRow(report)));
    browser.seeText("Deleted “" + report + "”.");
    assertThat(browser.all(browser.fileRow(handbook))).hasSize(1);
  }

  @Test
  void aPersonRenamesReplacesChangesThePasswordAndIsToldToWait() throws Exception {
    var carol = SignUp.newName("carol");
    SignUp.verifiedUser(new Api(port), carol);
    var draft = TestPdfs.write(work.resolve(carol + "-draft.pdf"), "Draft", 0);
    var second = TestPdfs.write(work.resolve("second.pdf"), "Second version", 20_000);

    browser.open("/");
    signIn(carol);
    // Dropped on the drop area, as a file dragged from the desktop arrives.
    browser.driver.executeScript(
        """
        const bytes = Uint8Array.from(atob(arguments[0]), (c) => c.charCodeAt(0));
        const files = new DataTransfer();
        files.items.add(new File([bytes], arguments[1], { type: 'application/pdf' }));
        const zone = document.querySelector('.dropzone');
        for (const type of ['dragenter', 'dragover', 'drop']) {
          zone.dispatchEvent(
              new DragEvent(type, { dataTransfer: files, bubbles: true, cancelable: true }));
        }
        """,
        Base64.getEncoder().encodeToString(Files.readAllBytes(draft)),
        carol + "-draft.pdf");
    browser.await(
        ExpectedConditions.presenceOfElementLocated(browser.fileRow(carol + "-draft.pdf")));

    browser.press("More actions for " + carol + "-draft.pdf");
    browser.press("Rename…");
    browser.type("Name", carol + "-final.pdf");
    browser.press("Rename");
    browser.await(
        ExpectedConditions.presenceOfElementLocated(browser.fileRow(carol + "-final.pdf")));

    browser.press("More actions for " + carol + "-final.pdf");
    browser.press("Replace content…");
    browser.driver.findElement(By.id("replace-input")).sendKeys(second.toString());
    browser.await(
        ExpectedConditions.textToBePresentInElementLocated(
            browser.upload("Replacing " + carol + "-final.pdf"), "Replaced"));
    browser.await(
        ExpectedConditions.textToBePresentInElementLocated(
            browser.fileRow(carol + "-final.pdf"), "KB"));

    // Twenty files to a page: with 21 more files, the last ones are on the second page.
    var api = new Api(port);
    var token = SignUp.login(api, carol, SignUp.PASSWORD);
    var bytes = Files.readAllBytes(draft);
    for (var i = 1; i <= 21; i++) {
      var name = "%s-page-%02d.pdf".formatted(carol, i);
      var created =
          api.post("/api/files/?name=" + name).token(token).body("application/pdf", bytes).send();
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }
    browser.choose("My files");
    browser.seeText("1–20 of 22");
    browser.press("Next");
    browser.seeText("21–22 of 22");
    browser.field("Sort").sendKeys("Name, A to Z");
    browser.seeText("1–20 of 22");
    browser.await(
        ExpectedConditions.textToBe(
            By.cssSelector(".file-row:first-child .file-name"), carol + "-final.pdf"));
    browser.press("Next");
    browser.await(
        ExpectedConditions.textToBe(
            By.cssSelector(".file-row:last-child .file-name"), carol + "-page-21.pdf"));

    browser.press(carol);
    browser.heading("Account");
    browser.seeText(SignUp.email(carol));
    browser.type("Current password", "this is not it at all");
    browser.type("New password", "a brand new passphrase 2024");
    browser.press("Change password");
    browser.seeText("Current password is incorrect.");
    browser.type("Current password", SignUp.PASSWORD);
    browser.press("Change password");
    browser.seeText("Your password is changed.");

    browser.press("Sign out everywhere");
    browser.heading("Sign in");
    browser.seeText("You are signed out on every device.");

    // Ten wrong passwords for one account, then the server asks to wait; the page says how long.
    browser.type("Username", carol);
    browser.type("Password", "wrong password");
    var submit = By.xpath("//form//button[@type='submit']");
    for (var attempt = 0; attempt < 11; attempt++) {
      browser.driver.findElement(submit).click();
      browser.await(driver -> driver.findElement(submit).getDomAttribute("aria-busy") == null);
    }
    browser.await(
        ExpectedConditions.textMatches(
            By.cssSelector(".form-error"),
            java.util.regex.Pattern.compile("Too many attempts — try again in \\d+ seconds?\\.")));

    browser.press("Forgot your password?");
    browser.heading("Reset your password");
    browser.type("Email address", SignUp.email(carol));
    browser.press("Send reset link");
    browser.seeText("an email with a reset link is on its way");
  }

  private void signIn(String username) {
    browser.heading("Sign in");
    browser.type("Username", username);
    browser.type("Password", SignUp.PASSWORD);
    browser.press("Sign in");
    browser.heading("Files");
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
