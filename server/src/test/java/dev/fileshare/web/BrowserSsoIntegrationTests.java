package dev.fileshare.web;

import dev.fileshare.support.TestIdentityProvider;
import dev.fileshare.support.TestIdentityProvider.Person;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on in a real (headless) Chromium: the sign-in screen offers the identity provider,
 * its button leads to the provider's login page, and signing in there lands on the file list; a
 * refusal comes back as a sentence on the sign-in screen.
 */
class BrowserSsoIntegrationTests extends BrowserTest {

  static String publicUrl;

  @DynamicPropertySource
  static void provider(DynamicPropertyRegistry registry) {
    publicUrl = TestIdentityProvider.configure(registry, "corp", "Corporate Login");
  }

  /** The provider sends the browser back to the public URL, so the browser starts there too. */
  @BeforeEach
  void atThePublicUrl() throws IOException {
    browser.close();
    browser = Browser.start(publicUrl);
  }

  private void signInAtTheProvider(String name) {
    browser.open("/");
    browser.heading("Sign in");
    browser.press("Sign in with Corporate Login");
    var username =
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
    username.sendKeys(name);
    browser.driver.findElement(By.name("password")).sendKeys(TestIdentityProvider.PASSWORD);
    browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
  }

  @Test
  void signingInAtTheProviderLandsOnTheFiles() {
    var name = TestIdentityProvider.newName("walker");
    TestIdentityProvider.person(new Person(name, name + "@sso.example.org", true, List.of()));

    signInAtTheProvider(name);

    browser.heading("Files");
    browser.seeText(name);
  }

  @Test
  void aRefusalIsExplainedOnTheSignInScreen() {
    var name = TestIdentityProvider.newName("unconfirmed");
    TestIdentityProvider.person(new Person(name, name + "@sso.example.org", false, List.of()));

    signInAtTheProvider(name);

    browser.heading("Sign in");
    browser.seeText("has not confirmed your email address");
  }
}
