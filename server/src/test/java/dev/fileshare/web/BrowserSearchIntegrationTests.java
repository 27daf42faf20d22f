package dev.fileshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.documents.PreviewFixture;
import dev.fileshare.files.Multipart;
import dev.fileshare.support.SignUp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Searching inside documents in a real (headless) Chromium: a hit names its page and shows the
 * matched word highlighted, and opening it shows that page in the viewer with the word marked.
 */
class BrowserSearchIntegrationTests extends BrowserTest {

  @Autowired ApplicationContext context;

  @Test
  void aHitOpensItsPageInTheViewerWithTheWordHighlighted() throws Exception {
    var owner = SignUp.newName("yara");
    var token = SignUp.verifiedUser(api, owner);
    var name = owner + "-accounts.pdf";
    var pages =
        new String[] {
          "Annual accounts\nSummary of the year",
          "Suppliers\nThe invoice from the printer <b>was</b> paid late",
          "Appendix\nNothing more"
        };
    var form = new Multipart().pdf(name, TestPdfs.pages(pages)).field("visibility", "private");
    var created =
        api.post("/api/files/").token(token).body(form.contentType(), form.bytes()).send();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    var id = created.json().get("id").asLong();
    // what the background job does once the file is stored
    PreviewFixture.index(context, id, pages);
    PreviewFixture.render(context, id);
    ViewerPage.watchPolicy(browser);

    browser.open("/");
    browser.signIn(owner, SignUp.PASSWORD);
    browser.press("Search");
    browser.heading("Search");
    browser.type("Search inside documents", "invoice");
    browser.field("Search inside documents").sendKeys(Keys.ENTER);
    var hit =
        By.xpath(
            "//li[contains(@class,'search-result')][@data-file-id='"
                + id
                + "']//li[contains(@class,'search-hit')]");
    browser.await(ExpectedConditions.presenceOfElementLocated(hit));
    var hits = browser.all(hit);
    assertThat(hits).hasSize(1);
    assertThat(hits.get(0).findElement(By.cssSelector("a.hit-page")).getText()).isEqualTo("Page 2");
    assertThat(hits.get(0).findElement(By.cssSelector(".snippet mark")).getText())
        .isEqualToIgnoringCase("invoice");
    // the document's own text is shown as text, never as markup
    assertThat(hits.get(0).findElements(By.cssSelector(".snippet *")))
        .allSatisfy(element -> assertThat(element.getTagName()).isEqualTo("mark"));
    browser.screenshot("search");

    browser.press("Page 2");
    ViewerPage.shows(browser, name, 2, 3);
    assertThat(ViewerPage.marks(browser)).containsExactly("invoice");
    browser.screenshot("viewer-search-hit");
    assertThat(ViewerPage.violations(browser)).isEmpty();
  }
}
