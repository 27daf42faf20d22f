package dev.fileshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.Multipart;
import dev.fileshare.support.Api;
import dev.fileshare.support.SignUp;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A file's versions in a real (headless) Chromium: after its content was replaced, the owner opens
 * its versions and restores the first one, whose content is then the file's.
 */
class BrowserVersionsIntegrationTests extends BrowserTest {

  @Test
  void theOwnerRestoresTheFirstVersionOfAReplacedFile() throws Exception {
    var finn = SignUp.newName("finn");
    var client = new Api(port);
    var token = SignUp.verifiedUser(client, finn);
    var name = finn + "-budget.pdf";
    var first = Files.readAllBytes(TestPdfs.write(work.resolve("first.pdf"), "First", 0));
    var second = Files.readAllBytes(TestPdfs.write(work.resolve("second.pdf"), "Second", 20_000));
    var created =
        client.post("/api/files/?name=" + name).token(token).body("application/pdf", first).send();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    var id = created.json().get("id").asLong();
    var form = new Multipart().pdf(name, second);
    var replaced =
        client
            .call("PATCH", "/api/files/" + id + "/")
            .token(token)
            .body(form.contentType(), form.bytes())
            .send();
    assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
    assertThat(replaced.json().get("sha256").asString()).isEqualTo(sha256(second));

    browser.open("/");
    browser.signIn(finn, SignUp.PASSWORD);
    browser.press("More actions for " + name);
    browser.press("Versions…");
    browser.await(
        ExpectedConditions.visibilityOfElementLocated(
            By.xpath("//dialog//h2" + Browser.text("Versions of “" + name + "”"))));
    var current = By.cssSelector("dialog .version-current");
    browser.await(
        ExpectedConditions.textToBePresentInElementLocated(
            current, sha256(second).substring(0, 12)));
    browser.await(
        ExpectedConditions.presenceOfElementLocated(By.xpath("//dialog//li[@data-version='1']")));
    browser.screenshot("versions");

    browser.press("Restore version 1");
    browser.await(
        ExpectedConditions.textToBePresentInElementLocated(
            current, sha256(first).substring(0, 12)));
    browser.seeText("is the current content again.");
    browser.press("Done");

    var now = client.get("/api/files/" + id + "/").token(token).send().json();
    assertThat(now.get("sha256").asString()).isEqualTo(sha256(first));
    assertThat(now.get("size").asLong()).isEqualTo(first.length);
    // the list shows the first content's size again
    var size =
        By.xpath(
            "//li[contains(@class,'file-row')][.//span[@class='file-name' and normalize-space()="
                + Browser.quote(name)
                + "]]//div[contains(@class,'cell-size')]");
    browser.await(ExpectedConditions.textToBePresentInElementLocated(size, shown(first.length)));
  }

  /** A size as the page writes it (format.js): "812 bytes", "1.4 KB", "59 KB". */
  private static String shown(long count) {
    if (count < 1024) {
      return count + " bytes";
    }
    var value = count / 1024.0;
    var text =
        value < 10
            ? String.format(Locale.ROOT, "%.1f", value)
            : String.format(Locale.ROOT, "%.0f", value);
    return text.replaceAll("\\.0$", "") + " KB";
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
