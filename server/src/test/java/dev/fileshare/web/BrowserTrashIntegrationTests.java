package dev.fileshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.SignUp;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The trash in a real (headless) Chromium: a deleted file waits there and comes back under the same
 * id when restored; another is deleted for good, and the trash is emptied after a warning.
 */
class BrowserTrashIntegrationTests extends BrowserTest {

  @Test
  void aDeletedFileIsRestoredFromTheTrashAndTheRestIsRemovedForGood() throws Exception {
    var erin = SignUp.newName("erin");
    var client = new Api(port);
    var token = SignUp.verifiedUser(client, erin);
    var notes = erin + "-notes.pdf";
    var old = erin + "-old.pdf";
    var draft = erin + "-draft.pdf";
    var oldId = upload(client, token, old);
    var draftId = upload(client, token, draft);
    // the newest file is the first row: its menu holds the first "Delete…" of the page
    var notesId = upload(client, token, notes);

    browser.open("/");
    browser.signIn(erin, SignUp.PASSWORD);
    browser.press("More actions for " + notes);
    browser.press("Delete…");
    browser.seeText("moves to your trash");
    browser.press("Delete");
    browser.await(ExpectedConditions.invisibilityOfElementLocated(browser.fileRow(notes)));

    browser.press("Trash");
    browser.heading("Trash");
    browser.await(ExpectedConditions.presenceOfElementLocated(trashRow(notes)));
    browser.await(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".toast"), 0));
    browser.screenshot("trash");
    browser.press("Restore " + notes);
    browser.seeText("Restored “" + notes + "” to your files.");
    browser.await(ExpectedConditions.invisibilityOfElementLocated(trashRow(notes)));
    browser.press("Files");
    browser.heading("Files");
    browser.await(ExpectedConditions.presenceOfElementLocated(browser.fileRow(notes)));
    var restored = client.get("/api/files/" + notesId + "/").token(token).send();
    assertThat(restored.status()).isEqualTo(200);
    assertThat(restored.json().get("name").asString()).isEqualTo(notes);

    for (var id : new long[] {oldId, draftId}) {
      assertThat(client.call("DELETE", "/api/files/" + id + "/").token(token).send().status())
          .isEqualTo(204);
    }
    browser.press("Trash");
    browser.heading("Trash");
    browser.press("Delete " + old + " for good");
    browser.seeText("This cannot be undone.");
    browser.press("Delete for good");
    browser.await(ExpectedConditions.invisibilityOfElementLocated(trashRow(old)));
    browser.await(ExpectedConditions.presenceOfElementLocated(trashRow(draft)));
    browser.press("Empty trash…");
    browser.press("Empty trash");
    browser.seeText("The trash is empty.");
    browser.await(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".trash-row"), 0));
    assertThat(client.get("/api/trash/").token(token).send().json().values()).isEmpty();
    assertThat(client.get("/api/files/" + draftId + "/").token(token).send().status())
        .isEqualTo(404);
  }

  private By trashRow(String name) {
    return By.xpath(
        "//li[contains(@class,'trash-row')][.//span[@class='file-name' and normalize-space()="
            + Browser.quote(name)
            + "]]");
  }

  private long upload(Api client, String token, String name) throws Exception {
    var pdf = TestPdfs.write(work.resolve(name), name, 0);
    var created =
        client
            .post("/api/files/?name=" + name)
            .token(token)
            .body("application/pdf", Files.readAllBytes(pdf))
            .send();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asLong();
  }
}
