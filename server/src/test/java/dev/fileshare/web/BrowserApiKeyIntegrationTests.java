package dev.fileshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.SignUp;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * API keys on the account screen, in a real (headless) Chromium: a key is made with a scope, shown
 * once to copy, listed without its secret, and revoked; a sign-in older than a few minutes gives
 * the password first.
 */
class BrowserApiKeyIntegrationTests extends BrowserTest {

  @Test
  void aKeyIsMadeShownOnceListedAndRevoked() {
    onAccountScreen("dora");
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
    assertThat(api.get("/api/files/").token(key).send().status()).isEqualTo(200);

    browser.press("Revoke");
    browser.press("Revoke key");
    browser.seeText("No API keys yet.");
    assertThat(api.get("/api/files/").token(key).send().status()).isEqualTo(401);
  }

  @Test
  void anOldSignInIsAskedForThePasswordBeforeTheKeyIsMade() {
    onAccountScreen("erin");
    clock.advance(Duration.ofMinutes(11));

    browser.type("Name", "deploy");
    browser.choose("Read and download files (files:read)");
    browser.press("Create key");
    browser.seeText("Confirm it is you: give your password, or sign in again.");
    browser.type("Your password", "not my password");
    browser.press("Create key");
    browser.seeText("Password is incorrect");
    browser.type("Your password", SignUp.PASSWORD);
    browser.press("Create key");
    browser.seeText("Copy the key now: it is not shown again.");
    var key = browser.driver.findElement(By.cssSelector(".api-key-value")).getDomProperty("value");
    assertThat(api.get("/api/files/").token(key).send().status()).isEqualTo(200);
    assertThat(browser.driver.findElement(By.cssSelector(".identity-confirmation")).isDisplayed())
        .as("the password is asked again only when the server asks")
        .isFalse();
  }
}
