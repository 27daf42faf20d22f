package dev.fileshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.Mailbox;
import dev.fileshare.support.SignUp;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A file request only named people may send files to, opened in a fresh Chromium: the address, the
 * code from the mail (a wrong one first), then the upload, recorded with the proved address.
 */
class BrowserRecipientRequestIntegrationTests extends BrowserTest {

  private static final Pattern CODE = Pattern.compile("Your code: (\\d{6})");

  @Test
  void aNamedStrangerProvesTheAddressAndSendsAFile() throws Exception {
    var api = new Api(port);
    var owner = SignUp.newName("collector");
    var token = SignUp.verifiedUser(api, owner);
    var created =
        api.post("/api/requests/")
            .token(token)
            .json(Map.of("title", "Signed terms", "recipients", List.of("*@partner.example")))
            .send();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    var url = created.json().get("url").asString();
    var requestId = created.json().get("id").asLong();
    var address = SignUp.newName("stranger") + "@partner.example";
    var name = owner + "-terms.pdf";
    var pdf = TestPdfs.write(work.resolve(name), "Terms", 1_000);

    browser.open(url.substring(url.indexOf("/r/")));
    browser.heading("Confirm your email address");
    browser.type("Your email address", address);
    browser.press("Send me a code");
    browser.heading("Enter the code");
    browser.seeText("a code is on its way");
    var matcher = CODE.matcher(Mailbox.text(Mailbox.await(address, 1)));
    assertThat(matcher.find()).isTrue();
    var code = matcher.group(1);

    browser.type("Code", code.equals("000000") ? "111111" : "000000");
    browser.press("Continue");
    browser.seeText("tries left");
    browser.type("Code", code);
    browser.press("Continue");
    browser.heading("Signed terms");
    browser.driver.findElement(By.id("files")).sendKeys(pdf.toString());
    browser.await(
        ExpectedConditions.presenceOfElementLocated(
            By.xpath(
                "//ul[@class='sent']/li[span[@class='name' and normalize-space()="
                    + Browser.quote(name)
                    + "]]")));

    var uploads = api.get("/api/requests/" + requestId + "/uploads/").token(token).send().json();
    assertThat(uploads).hasSize(1);
    assertThat(uploads.get(0).get("uploader_email").asString()).isEqualTo(address);
  }
}
