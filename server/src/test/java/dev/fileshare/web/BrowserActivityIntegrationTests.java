package dev.fileshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.SignUp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The activity feed in a real (headless) Chromium: the owner reads what happened to their files,
 * newest first, pages on with "Show more", and opens one file's activity from its menu.
 */
class BrowserActivityIntegrationTests extends BrowserTest {

  private static final By ENTRIES = By.cssSelector(".activity-list .activity");

  @Test
  void theOwnerReadsTheFeedPagesOnAndOpensOneFilesActivity() throws Exception {
    var dana = SignUp.newName("dana");
    var client = new Api(port);
    var token = SignUp.verifiedUser(client, dana);
    var report = dana + "-report.pdf";
    var other = dana + "-other.pdf";
    var reportId = upload(client, token, report);
    var otherId = upload(client, token, other);
    for (var i = 0; i < 21; i++) {
      link(client, token, reportId);
    }
    var shared = link(client, token, otherId);
    var url = shared.get("url").asString();
    var download = client.get("/api/s/" + url.substring(url.lastIndexOf('/') + 1) + "/download/");
    assertThat(download.send().status()).isEqualTo(200);

    browser.open("/");
    browser.signIn(dana, SignUp.PASSWORD);
    browser.press("Activity");
    browser.heading("Activity");
    browser.await(
        ExpectedConditions.textToBe(
            By.cssSelector(".activity-list .activity:first-child .activity-text"),
            "Someone downloaded “" + other + "” through a link."));
    browser.await(ExpectedConditions.numberOfElementsToBe(ENTRIES, 20));
    assertThat(browser.all(ENTRIES).get(1).getText())
        .contains("You made a link to “" + other + "”.");
    browser.screenshot("activity");

    browser.press("Show more");
    browser.await(ExpectedConditions.numberOfElementsToBeMoreThan(ENTRIES, 22));
    browser.await(ExpectedConditions.invisibilityOfElementLocated(browser.control("Show more")));
    assertThat(browser.driver.switchTo().activeElement().getDomAttribute("class"))
        .isEqualTo("activity");

    browser.press("Files");
    browser.heading("Files");
    browser.press("More actions for " + report);
    browser
        .await(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//ul[contains(@class,'menu') and not(@hidden)]//button"
                        + Browser.text("Show activity"))))
        .click();
    browser.heading("Activity of “" + report + "”");
    browser.await(ExpectedConditions.numberOfElementsToBe(ENTRIES, 20));
    assertThat(browser.all(ENTRIES))
        .extracting(WebElement::getText)
        .allSatisfy(text -> assertThat(text).contains(report).doesNotContain(other));
    browser.press("Show all activity");
    browser.heading("Activity");
  }

  private static long upload(Api client, String token, String name) {
    var created =
        client
            .post("/api/files/?name=" + name)
            .token(token)
            .body("application/pdf", dev.fileshare.files.TestPdfs.pdf(name))
            .send();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asLong();
  }

  private static tools.jackson.databind.JsonNode link(Api client, String token, long file) {
    var answer = client.post("/api/files/" + file + "/links/").token(token).json(Map.of()).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json();
  }
}
