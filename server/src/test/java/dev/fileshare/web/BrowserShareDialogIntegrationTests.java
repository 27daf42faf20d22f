package dev.fileshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.SignUp;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The rest of the share dialog in a real (headless) Chromium: the owner makes a link for people
 * without an account, a stranger can use it until the owner revokes it; and someone a file was
 * shared with takes it off their own list.
 */
class BrowserShareDialogIntegrationTests extends BrowserTest {

  @Test
  void theOwnerMakesALinkInTheShareDialogAndRevokesIt() throws Exception {
    var alice = SignUp.newName("alice");
    var client = new Api(port);
    var token = SignUp.verifiedUser(client, alice);
    var name = alice + "-brochure.pdf";
    upload(client, token, name);

    browser.open("/");
    browser.signIn(alice, SignUp.PASSWORD);
    browser.press("More actions for " + name);
    browser.press("Share…");
    browser.seeText("No links yet.");
    browser.press("New link…");
    browser.type("Label", "For the printer");
    browser.type("Download limit", "3");
    browser.press("Create link");
    var address =
        browser.await(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("input[aria-label='Address of For the printer']")));
    browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", address);
    browser.screenshot("share-dialog-links");
    var url = address.getDomProperty("value");
    assertThat(url).contains("/s/");
    var tokenPart = url.substring(url.indexOf("/s/") + 3);

    var stranger = client.get("/api/s/" + tokenPart + "/").send();
    assertThat(stranger.status()).as(stranger.toString()).isEqualTo(200);
    assertThat(stranger.text()).contains(name);

    browser.press("Revoke");
    browser.await(
        ExpectedConditions.invisibilityOfElementLocated(
            By.cssSelector("input[aria-label='Address of For the printer']")));
    browser.await(driver -> client.get("/api/s/" + tokenPart + "/").send().status() == 404);
  }

  @Test
  void aRecipientRemovesASharedFileFromTheirList() throws Exception {
    var alice = SignUp.newName("alice");
    var bob = SignUp.newName("bob");
    var client = new Api(port);
    var aliceToken = SignUp.verifiedUser(client, alice);
    SignUp.verifiedUser(client, bob);
    var name = alice + "-minutes.pdf";
    var id = upload(client, aliceToken, name);
    var shared =
        client
            .post("/api/files/" + id + "/shares/")
            .token(aliceToken)
            .json(java.util.Map.of("user", bob, "permission", "read"))
            .send();
    assertThat(shared.status()).as(shared.toString()).isEqualTo(201);

    browser.open("/");
    browser.signIn(bob, SignUp.PASSWORD);
    browser.choose("Shared with me");
    browser.await(ExpectedConditions.presenceOfElementLocated(browser.fileRow(name)));
    browser.press("More actions for " + name);
    assertThat(browser.all(browser.control("Rename…"))).isEmpty();
    browser.press("Remove from my list…");
    browser.press("Remove");
    browser.await(ExpectedConditions.invisibilityOfElementLocated(browser.fileRow(name)));

    var owners = client.get("/api/files/" + id + "/shares/").token(aliceToken).send();
    assertThat(owners.json().size()).isZero();
    assertThat(client.get("/api/files/" + id + "/").token(aliceToken).send().status())
        .isEqualTo(200);
  }

  private long upload(Api client, String token, String name) throws Exception {
    var file = TestPdfs.write(work.resolve(name), "For sharing", 0);
    var created =
        client
            .post("/api/files/?name=" + name + "&visibility=private")
            .token(token)
            .body("application/pdf", Files.readAllBytes(file))
            .send();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asLong();
  }
}
