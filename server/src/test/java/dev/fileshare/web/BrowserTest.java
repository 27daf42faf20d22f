package dev.fileshare.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fileshare.support.ApiTest;
import dev.fileshare.support.SignUp;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the browser tests: a fresh headless Chromium for each test, pointed at the real server,
 * and a folder for the files a person would pick. Skipped only where Debian's chromium and
 * chromium-driver are missing; {@code .ci/run} installs them.
 */
abstract class BrowserTest extends ApiTest {

  @TempDir Path work;

  Browser browser;

  @BeforeEach
  void startBrowser() throws IOException {
    assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed");
    browser = Browser.start(api.base());
  }

  /** A new user, signed in on the web page and on their account screen; answers their name. */
  String onAccountScreen(String prefix) {
    var name = SignUp.newName(prefix);
    SignUp.verifiedUser(api, name);
    browser.open("/");
    browser.signIn(name, SignUp.PASSWORD);
    browser.press(name);
    browser.heading("Account");
    return name;
  }

  @AfterEach
  void closeBrowser() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }
}
