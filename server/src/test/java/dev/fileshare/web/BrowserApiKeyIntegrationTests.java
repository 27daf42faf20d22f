package dev.fileshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.SignUp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * API keys on the account screen, in a real (headless) Chromium: a key is made with a scope, shown
 * once to copy, listed without its secret, and revoked.
 */
class BrowserApiKeyIntegrationTests extends BrowserTest {

  @Test
  void aKeyIsMadeShownOnceListedAndRevoked() {
    var dora = SignUp.newName("dora");
    var client = new Api(port);
    SignUp.verifiedUser(client, dora);
    browser.open("/");
    browser.signIn(dora, SignUp.PASSWORD);
    browser.press(dora);
    browser.heading("Account");
    browser.seeText("No API keys yet.");

    browser.press("Create key");
    browser.seeText("Give the key a name.");
    browser.type("Name", "nightly backup");
    browser.choose("Read and download files (files:read)");
    browser.press("Create key");
    browser.seeText("Copy the key now: it is not shown again.");
    var key = browser.driver.findElement(By.cssSelector(".api-key-value")).getDomProperty("value");
    assertThat(key).startsWith("fsk_");
    browser.seeText("files:read · never used");
    browser.screenshot("api-keys");
    assertThat(browser.driver.findElement(By.cssSelector(".api-key-list")).getText())
        .contains("nightly backup")
        .doesNotContain(key);
    assertThat(client.get("/api/files/").token(key).send().status()).isEqualTo(200);

    browser.press("Revoke");
    browser.press("Revoke key");
    browser.seeText("No API keys yet.");
    assertThat(client.get("/api/files/").token(key).send().status()).isEqualTo(401);
  }
}
