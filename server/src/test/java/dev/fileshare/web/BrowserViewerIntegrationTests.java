package dev.fileshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.documents.PreviewFixture;
import dev.fileshare.files.Multipart;
import dev.fileshare.support.SignUp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Documents read in a real (headless) Chromium: thumbnails of the first page in the list and the
 * grid, the viewer (PDF.js under the page's strict policy) turning pages and marking the words of a
 * search, for one's own files, files shared with all users, and a file behind a link with a
 * password.
 */
class BrowserViewerIntegrationTests extends BrowserTest {

  @Autowired ApplicationContext context;

  @Test
  void theOwnerSeesThumbnailsAndReadsTheDocumentPageByPage() throws Exception {
    var owner = SignUp.newName("vera");
    var token = SignUp.verifiedUser(api, owner);
    var name = owner + "-handbook.pdf";
    var id =
        upload(
            token,
            name,
            TestPdfs.pages(
                "Handbook\nChapter one: arrival",
                "Chapter two: the harbour\nBoats and tides",
                "Chapter three: departure\nThe departure board"),
            "private");
    PreviewFixture.render(context, id);
    // a document that opens only with a password never gets a preview
    var plain = upload(token, owner + "-notes.pdf", TestPdfs.locked("Notes"), "private");
    PreviewFixture.awaitRead(context, plain);
    ViewerPage.watchPolicy(browser);

    browser.open("/");
    browser.signIn(owner, SignUp.PASSWORD);
    var thumbnail = By.cssSelector("li.file-row[data-file-id='" + id + "'] img.file-thumb.loaded");
    browser.await(ExpectedConditions.presenceOfElementLocated(thumbnail));
    assertThat(naturalWidth(thumbnail)).isEqualTo(160);
    assertThat(browser.all(By.cssSelector("li.file-row[data-file-id='" + plain + "'] .file-icon")))
        .as("a placeholder while there is no preview")
        .hasSize(1);
    browser.screenshot("files-thumbnails");

    browser.press("Grid");
    var large = By.cssSelector(".file-rows.grid li[data-file-id='" + id + "'] img.loaded");
    browser.await(ExpectedConditions.presenceOfElementLocated(large));
    assertThat(naturalWidth(large)).isEqualTo(320);
    browser.screenshot("files-grid");

    browser.press("Read " + name);
    ViewerPage.shows(browser, name, 1, 3);
    assertThat(ViewerPage.text(browser)).contains("Chapter one: arrival");
    browser.press("Next page");
    ViewerPage.shows(browser, name, 2, 3);
    assertThat(ViewerPage.text(browser)).contains("Chapter two: the harbour");
    browser.screenshot("viewer");
    browser.press("Next page");
    ViewerPage.shows(browser, name, 3, 3);
    assertThat(browser.driver.findElement(By.id("page-next")).isEnabled()).isFalse();
    browser.press("Previous page");
    ViewerPage.shows(browser, name, 2, 3);

    // an address that names a page and the words of a search: that page, its words marked
    browser.open("/viewer.html?file=" + id + "#page=3&q=departure");
    ViewerPage.shows(browser, name, 3, 3);
    assertThat(ViewerPage.marks(browser)).containsExactly("departure", "departure");
    assertThat(ViewerPage.violations(browser)).as("the page's policy refused nothing").isEmpty();
  }

  @Test
  void aFileSharedWithAllUsersAndAFileBehindALinkOpenInTheViewer() {
    var owner = SignUp.newName("walt");
    var token = SignUp.verifiedUser(api, owner);
    var sharedName = owner + "-minutes.pdf";
    upload(token, sharedName, pdf("Minutes of the meeting", "Decisions taken"), "users");
    var linkedName = owner + "-offer.pdf";
    var linked = upload(token, linkedName, pdf("The offer", "Its terms"), "private");
    var link =
        api.post("/api/files/" + linked + "/links/")
            .token(token)
            .json(Map.of("password", "open sesame"))
            .send();
    assertThat(link.status()).as(link.toString()).isEqualTo(201);
    var url = link.json().get("url").asString();
    var reader = SignUp.newName("xena");
    SignUp.verifiedUser(api, reader);
    ViewerPage.watchPolicy(browser);

    browser.open("/");
    browser.signIn(reader, SignUp.PASSWORD);
    browser.press("Read " + sharedName);
    ViewerPage.shows(browser, sharedName, 1, 2);
    assertThat(ViewerPage.text(browser)).contains("Minutes of the meeting");

    // a link is read by whoever has it and its password, signed in or not
    browser.open(url.substring(url.indexOf("/s/")));
    browser.heading("Enter the password");
    browser.type("Password", "open sesame");
    browser.press("Unlock");
    browser.heading(linkedName);
    browser.press("Read it in the browser");
    ViewerPage.shows(browser, linkedName, 1, 2);
    assertThat(ViewerPage.text(browser)).contains("The offer");
    browser.press("Next page");
    ViewerPage.shows(browser, linkedName, 2, 2);
    assertThat(ViewerPage.violations(browser)).isEmpty();
  }

  @Test
  void aViewOnlyLinkShowsPicturesOfItsPagesAndNoDownload() {
    var owner = SignUp.newName("yuri");
    var token = SignUp.verifiedUser(api, owner);
    var name = owner + "-draft.pdf";
    var file = upload(token, name, pdf("The draft", "Its appendix"), "private");
    var link =
        api.post("/api/files/" + file + "/links/")
            .token(token)
            .json(Map.of("password", "open sesame", "mode", "view", "watermark", true))
            .send();
    assertThat(link.status()).as(link.toString()).isEqualTo(201);
    var url = link.json().get("url").asString();
    ViewerPage.watchPolicy(browser);

    browser.open(url.substring(url.indexOf("/s/")));
    browser.heading("Enter the password");
    browser.type("Password", "open sesame");
    browser.press("Unlock");
    browser.heading(name);
    assertThat(browser.driver.findElement(By.tagName("main")).getText())
        .contains("for reading only");
    assertThat(browser.all(By.xpath("//button[normalize-space()='Download']"))).isEmpty();
    browser.press("Read it in the browser");
    ViewerPage.showsPicture(browser, name, 1, 2);
    browser.screenshot("viewer-view-only");
    browser.press("Next page");
    ViewerPage.showsPicture(browser, name, 2, 2);
    assertThat(browser.driver.findElement(By.id("viewer-canvas")).isDisplayed()).isFalse();
    assertThat(ViewerPage.violations(browser)).isEmpty();
  }

  private long upload(String token, String name, byte[] pdf, String visibility) {
    var form = new Multipart().pdf(name, pdf).field("visibility", visibility);
    var answer = api.post("/api/files/").token(token).body(form.contentType(), form.bytes()).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json().get("id").asLong();
  }

  private static byte[] pdf(String... pages) {
    try {
      return TestPdfs.pages(pages);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long naturalWidth(By image) {
    return (Long)
        browser.driver.executeScript(
            "return arguments[0].naturalWidth", browser.driver.findElement(image));
  }
}
