package dev.fileshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.SignUp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The signed-in devices on the account screen, in a real (headless) Chromium: this browser is
 * marked, a phone's sign-in is listed with its browser and address, and signing it out ends it.
 */
class BrowserSignInsIntegrationTests extends BrowserTest {

  static final String IPHONE =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like"
          + " Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

  @Test
  void aPhonesSignInIsListedAndSignedOut() {
    var name = onAccountScreen("gale");
    var phone =
        api.post("/api/user/login/")
            .header("User-Agent", IPHONE)
            .json(Map.of("username", name, "password", SignUp.PASSWORD))
            .send()
            .json()
            .get("token")
            .asString();
    browser.open("/#/files");
    browser.heading("Files");
    browser.press(name);
    browser.heading("Account");
    browser.seeText("Safari on iOS");
    browser.seeText("This browser");
    var card = browser.driver.findElement(By.cssSelector(".sign-in-list"));
    assertThat(card.getText()).contains("Chrome on Linux", "127.0.0.1", "Java-http-client");
    browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", card);
    browser.screenshot("signed-in-devices");

    browser.press("Sign out Safari on iOS");
    browser.seeText("Sign out this device?");
    browser.press("Sign it out");
    browser.seeText("Safari on iOS is signed out.");
    assertThat(api.get("/api/files/").token(phone).send().status()).isEqualTo(401);
    assertThat(browser.driver.findElement(By.cssSelector(".sign-in-list")).getText())
        .doesNotContain("Safari on iOS");
  }
}
