package dev.fileshare.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** What the document viewer (/viewer.html) shows, as a person would check it. */
final class ViewerPage {

  private ViewerPage() {}

  /**
   * Records, in every page opened from now on, what the page's Content-Security-Policy refused (a
   * script the browser runs before the page's own, which the policy does not cover).
   */
  static void watchPolicy(Browser browser) {
    browser.driver.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument",
        Map.of(
            "source",
            "window.__refused = [];"
                + "document.addEventListener('securitypolicyviolation', (e) =>"
                + " window.__refused.push(e.violatedDirective + ' ' + e.blockedURI));"));
  }

  /** What the policy refused on the current page. */
  @SuppressWarnings("unchecked")
  static List<String> violations(Browser browser) {
    return (List<String>) browser.driver.executeScript("return window.__refused ?? []");
  }

  /** Waits until the viewer shows that page of the document, drawn with its text over it. */
  static void shows(Browser browser, String name, int page, int pages) {
    browser.await(ExpectedConditions.textToBe(By.id("viewer-title"), name));
    browser.await(
        ExpectedConditions.textMatches(
            By.id("viewer-status"), Pattern.compile("^Page " + page + " of " + pages + "\\b.*")));
    browser.await(
        ExpectedConditions.attributeToBe(By.id("viewer-page"), "data-page", String.valueOf(page)));
    var drawn =
        (Boolean)
            browser.driver.executeScript(
                "const c = document.getElementById('viewer-canvas');"
                    + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                    + "for (let i = 0; i < d.length; i += 4) {"
                    + "  if (d[i] < 128 && d[i + 3] > 0) return true;"
                    + "}"
                    + "return false;");
    if (!Boolean.TRUE.equals(drawn)) {
      throw new AssertionError("page " + page + " has no dark pixel: nothing was drawn");
    }
  }

  /** Waits until the viewer shows that page of a view-only link, as the server's picture. */
  static void showsPicture(Browser browser, String name, int page, int pages) {
    browser.await(ExpectedConditions.textToBe(By.id("viewer-title"), name));
    browser.await(
        ExpectedConditions.textMatches(
            By.id("viewer-status"), Pattern.compile("^Page " + page + " of " + pages + "$")));
    browser.await(
        ExpectedConditions.attributeToBe(By.id("viewer-page"), "data-page", String.valueOf(page)));
    var picture = browser.driver.findElement(By.id("viewer-picture"));
    var width = (Long) browser.driver.executeScript("return arguments[0].naturalWidth", picture);
    if (width == null || width < 256 || !picture.getAttribute("src").contains("/pages/" + page)) {
      throw new AssertionError("page " + page + " is not the server's picture of it");
    }
  }

  /** The text of the page shown, as the text layer over it holds it. */
  static String text(Browser browser) {
    return (String)
        browser.driver.executeScript(
            "return [...document.querySelectorAll('#viewer-text span')]"
                + ".map((s) => s.textContent).join(' ')");
  }

  /** The words marked on the page shown. */
  @SuppressWarnings("unchecked")
  static List<String> marks(Browser browser) {
    return (List<String>)
        browser.driver.executeScript(
            "return [...document.querySelectorAll('#viewer-text mark')].map((m) => m.textContent)");
  }
}
