package dev.fileshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.SignUp;
import java.nio.file.Files;
import java.util.Base64;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What people do on other days, in a real (headless) Chromium: drop a file, rename it, replace its
 * content, page and sort through many files, change the password, sign out everywhere, and be told
 * how long to wait after too many wrong passwords.
 */
class BrowserEverydayIntegrationTests extends BrowserTest {

  @Test
  void aPersonRenamesReplacesChangesThePasswordAndIsToldToWait() throws Exception {
    var carol = SignUp.newName("carol");
    SignUp.verifiedUser(new Api(port), carol);
    var draft = TestPdfs.write(work.resolve(carol + "-draft.pdf"), "Draft", 0);
    var second = TestPdfs.write(work.resolve("second.pdf"), "Second version", 20_000);

    browser.open("/");
    browser.signIn(carol, SignUp.PASSWORD);
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
    // a file that sorts first arrives while the first page is read: Next goes on after the last
    // file shown, not from an offset that would show that file again
    var early =
        api.post("/api/files/?name=" + carol + "-a.pdf")
            .token(token)
            .body("application/pdf", bytes)
            .send();
    assertThat(early.status()).as(early.toString()).isEqualTo(201);
    browser.press("Next");
    browser.seeText("21–22 of 23");
    browser.await(
        ExpectedConditions.textToBe(
            By.cssSelector(".file-row:first-child .file-name"), carol + "-page-20.pdf"));
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
            Pattern.compile("Too many attempts — try again in \\d+ seconds?\\.")));

    browser.press("Forgot your password?");
    browser.heading("Reset your password");
    browser.type("Email address", SignUp.email(carol));
    browser.press("Send reset link");
    browser.seeText("an email with a reset link is on its way");
  }
}
