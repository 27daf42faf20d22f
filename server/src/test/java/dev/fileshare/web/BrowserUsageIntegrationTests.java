package dev.fileshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.quotas.QuotaService;
import dev.fileshare.shared.UserId;
import dev.fileshare.support.Api;
import dev.fileshare.support.SignUp;
import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The storage used, in a real (headless) Chromium: a bar of the quota in the top bar and on the
 * account screen, only the figure without a quota, and an upload over the quota refused with words
 * that say what is left and where to make room.
 */
class BrowserUsageIntegrationTests extends BrowserTest {

  @Autowired QuotaService quotas;

  @Test
  void theBarShowsTheQuotaAndAnUploadOverItIsRefusedClearly() throws Exception {
    var gail = SignUp.newName("gail");
    var client = new Api(port);
    var token = SignUp.verifiedUser(client, gail);
    var stored = Files.readAllBytes(TestPdfs.write(work.resolve("stored.pdf"), "Stored", 0));
    var created =
        client
            .post("/api/files/?name=" + gail + "-stored.pdf")
            .token(token)
            .body("application/pdf", stored)
            .send();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    var quota = stored.length + 10_000L;
    quotas.setQuota(
        new UserId(client.get("/api/user/me/").token(token).send().json().get("id").asLong()),
        Optional.of(QuotaService.Limit.of(quota)),
        Optional.empty());

    browser.open("/");
    browser.signIn(gail, SignUp.PASSWORD);
    var meter = By.cssSelector(".usage-compact meter");
    browser.await(ExpectedConditions.presenceOfElementLocated(meter));
    assertThat(browser.driver.findElement(meter).getDomAttribute("value"))
        .isEqualTo(String.valueOf(stored.length));
    assertThat(browser.driver.findElement(meter).getDomAttribute("max"))
        .isEqualTo(String.valueOf(quota));
    browser.await(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".usage-compact"), " of "));

    var big = TestPdfs.write(work.resolve(gail + "-big.pdf"), "Big", 20_000);
    browser.driver.findElement(By.id("file-input")).sendKeys(big.toString());
    var item = browser.upload(gail + "-big.pdf");
    browser.await(ExpectedConditions.textToBePresentInElementLocated(item, "Not enough storage"));
    browser.await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".upload-refusal")));
    assertThat(browser.driver.findElement(By.cssSelector(".upload-refusal")).getText())
        .contains("this file needs", "of your", "is left", "Open the trash");
    assertThat(browser.all(browser.control("Retry upload of " + gail + "-big.pdf")))
        .allSatisfy(retry -> assertThat(retry.isDisplayed()).isFalse());
    browser.screenshot("quota-refusal");

    browser.press(gail);
    browser.heading("Account");
    browser.await(
        ExpectedConditions.presenceOfElementLocated(
            By.xpath("//section[.//h2" + Browser.text("Storage") + "]//meter")));
    browser.seeText("Old versions, the trash and unfinished uploads count too.");
  }

  @Test
  void withoutAQuotaOnlyTheFigureIsShown() {
    var hal = SignUp.newName("hal");
    SignUp.verifiedUser(new Api(port), hal);

    browser.open("/");
    browser.signIn(hal, SignUp.PASSWORD);
    browser.await(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".usage-compact"), "0 bytes used"));
    assertThat(browser.all(By.cssSelector(".usage-compact meter"))).isEmpty();
  }
}
