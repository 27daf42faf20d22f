package dev.fileshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.SignUp;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Sharing with a named person in a real (headless) Chromium: the owner shares a private file with a
 * colleague through the share dialog, picking the name from the suggestions; the colleague finds it
 * under "Shared with me", downloads it and, with the edit permission, replaces its content.
 */
class BrowserSharingIntegrationTests extends BrowserTest {

  @Test
  void aPersonSharesAFileWithAColleagueWhoDownloadsAndReplacesIt() throws Exception {
    var alice = SignUp.newName("alice");
    var bob = SignUp.newName("bob");
    var client = new Api(port);
    var aliceToken = SignUp.verifiedUser(client, alice);
    SignUp.verifiedUser(client, bob);
    var plan = alice + "-plan.pdf";
    var planFile = TestPdfs.write(work.resolve(plan), "The plan", 0);
    var created =
        client
            .post("/api/files/?name=" + plan + "&visibility=private")
            .token(aliceToken)
            .body("application/pdf", Files.readAllBytes(planFile))
            .send();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    var id = created.json().get("id").asLong();

    browser.open("/");
    browser.signIn(alice, SignUp.PASSWORD);
    browser.press("More actions for " + plan);
    browser.press("Share…");
    browser.await(
        ExpectedConditions.visibilityOfElementLocated(
            By.xpath("//dialog//h2" + Browser.text("Share “" + plan + "”"))));
    browser.seeText("Not shared with anyone yet.");
    browser.type("Share with", bob.substring(0, bob.length() - 2));
    browser.await(
        ExpectedConditions.presenceOfElementLocated(
            By.xpath("//dialog//datalist/option[@value=" + Browser.quote(bob) + "]")));
    browser.type("Share with", bob);
    browser.field("Permission").sendKeys("Can edit");
    browser.press("Share");
    browser.await(
        ExpectedConditions.presenceOfElementLocated(
            By.xpath(
                "//dialog//li[contains(@class,'share-row')]"
                    + "[.//span"
                    + Browser.text(bob)
                    + "]")));
    browser.screenshot("share-dialog");
    browser.press("Done");
    browser.press("Sign out");

    browser.signIn(bob, SignUp.PASSWORD);
    browser.choose("Shared with me");
    browser.await(ExpectedConditions.presenceOfElementLocated(browser.fileRow(plan)));
    browser.await(
        ExpectedConditions.textToBePresentInElementLocated(browser.fileRow(plan), "can edit"));
    assertThat(browser.all(By.cssSelector(".file-row"))).hasSize(1);

    browser.press("Download " + plan);
    var downloaded = browser.downloads.resolve(plan);
    browser.await(
        driver -> Files.exists(downloaded) && size(downloaded) == size(planFile) ? true : null);
    assertThat(Files.mismatch(downloaded, planFile)).isEqualTo(-1L);

    var second = TestPdfs.write(work.resolve("second.pdf"), "The plan, bob's version", 20_000);
    browser.press("More actions for " + plan);
    assertThat(browser.all(browser.control("Delete…"))).isEmpty();
    browser.press("Replace content…");
    browser.driver.findElement(By.id("replace-input")).sendKeys(second.toString());
    browser.await(
        ExpectedConditions.textToBePresentInElementLocated(
            browser.upload("Replacing " + plan), "Replaced"));

    var now = client.get("/api/files/" + id + "/").token(aliceToken).send().json();
    assertThat(now.get("size").asLong()).isEqualTo(size(second));
    assertThat(now.get("owner").asString()).isEqualTo(alice);
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (java.io.IOException e) {
      return -1;
    }
  }
}
