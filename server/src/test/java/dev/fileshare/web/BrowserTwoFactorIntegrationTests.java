package dev.fileshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.OneTimeCodes;
import dev.fileshare.support.SignUp;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Two-factor sign-in in a real (headless) Chromium: set up on the account screen with a code
 * computed from the secret shown, recovery codes shown once, then signing out and in with a code; a
 * sign-in older than a few minutes gives the password to turn it on.
 */
class BrowserTwoFactorIntegrationTests extends BrowserTest {

  @Test
  void setUpSignOutAndSignInWithACode() {
    var tess = onAccountScreen("tess");
    browser.seeText("Two-factor sign-in is off.");

    browser.press("Set up two-factor sign-in");
    browser.seeText("Secret:");
    var secret = browser.driver.findElement(By.cssSelector(".two-factor-secret")).getText();
    assertThat(secret).matches("[A-Z2-7]{32}");
    assertThat(
            browser.driver.findElement(By.cssSelector(".two-factor-uri")).getDomAttribute("href"))
        .startsWith("otpauth://totp/");
    assertThat(
            browser
                .driver
                .findElement(By.cssSelector(".two-factor-qr"))
                .getDomProperty("naturalWidth"))
        .as("the QR code is drawn")
        .isNotEqualTo("0");
    browser.type("Code from the app", OneTimeCodes.now(secret, clock));
    browser.press("Turn on");
    browser.seeText("Save these recovery codes");
    assertThat(browser.all(By.cssSelector(".recovery-codes li"))).hasSize(10);
    browser.screenshot("two-factor-recovery-codes");
    browser.press("I have saved them");
    browser.seeText("Two-factor sign-in is on.");

    clock.advance(Duration.ofSeconds(30)); // the confirming code is taken
    browser.press("Sign out");
    browser.heading("Sign in");
    browser.type("Username", tess);
    browser.type("Password", SignUp.PASSWORD);
    browser.press("Sign in");
    browser.type("Code from your authenticator app (or a recovery code)", "000000");
    browser.press("Verify");
    browser.seeText("Invalid two-factor code");
    var code = browser.field("Code from your authenticator app (or a recovery code)");
    code.clear();
    code.sendKeys(OneTimeCodes.now(secret, clock));
    browser.press("Verify");
    browser.heading("Files");
  }

  @Test
  void anOldSignInGivesThePasswordToTurnItOn() {
    onAccountScreen("uma");
    clock.advance(Duration.ofMinutes(11));

    browser.press("Set up two-factor sign-in");
    browser.seeText("Secret:");
    var secret = browser.driver.findElement(By.cssSelector(".two-factor-secret")).getText();
    browser.type("Code from the app", OneTimeCodes.now(secret, clock));
    browser.press("Turn on");
    browser.seeText("Confirm it is you: give your password, or sign in again.");
    browser.type("Your password", SignUp.PASSWORD);
    browser.press("Turn on");
    browser.seeText("Save these recovery codes");
  }
}
