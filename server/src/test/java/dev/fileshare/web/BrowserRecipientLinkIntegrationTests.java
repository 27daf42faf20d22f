package dev.fileshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.Multipart;
import dev.fileshare.files.TestPdfs;
import dev.fileshare.support.Api;
import dev.fileshare.support.Mailbox;
import dev.fileshare.support.SignUp;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A link only named people may open: the owner names them in the share dialog; one of them opens it
 * in a fresh Chromium that never signed in: the address, the code from the mail (a wrong one
 * first), the file and its download.
 */
class BrowserRecipientLinkIntegrationTests extends BrowserTest {

  private static final Pattern CODE = Pattern.compile("Your code: (\\d{6})");

  @Test
  void theOwnerNamesThePeopleInTheShareDialog() {
    var api = new Api(port);
    var owner = SignUp.newName("namer");
    var token = SignUp.verifiedUser(api, owner);
    var name = owner + "-plans.pdf";
    var form = new Multipart().pdf(name, TestPdfs.pdf("Plans")).field("visibility", "private");
    var file =
        api.post("/api/files/").token(token).body(form.contentType(), form.bytes()).send().json();

    browser.open("/");
    browser.signIn(owner, SignUp.PASSWORD);
    browser.press("More actions for " + name);
    browser.press("Share…");
    browser.press("New link…");
    browser.type("Label", "Partners");
    browser.type("Only these people", "Ann@Example.org, *@partner.example");
    browser.press("Create link");
    browser.seeText("only ann@example.org, *@partner.example");
    var links =
        api.get("/api/files/" + file.get("id").asLong() + "/links/").token(token).send().json();
    assertThat(links.get(0).get("recipients").toString())
        .isEqualTo("[\"ann@example.org\",\"*@partner.example\"]");

    browser.press("New link…");
    browser.type("Only these people", "oops@");
    browser.press("Create link");
    browser.seeText("Not an email address or a domain");
  }

  @Test
  void aNamedStrangerGetsTheCodeByMailEntersItAndDownloads() throws Exception {
    var api = new Api(port);
    var owner = SignUp.newName("restricter");
    var token = SignUp.verifiedUser(api, owner);
    var content = TestPdfs.pdf("Only for the partner");
    var form = new Multipart().pdf(owner + "-terms.pdf", content).field("visibility", "private");
    var file =
        api.post("/api/files/").token(token).body(form.contentType(), form.bytes()).send().json();
    var link =
        api.post("/api/files/" + file.get("id").asLong() + "/links/")
            .token(token)
            .json(Map.of("recipients", List.of("*@partner.example")))
            .send()
            .json();
    var url = link.get("url").asString();
    var path = url.substring(url.indexOf("/s/"));
    var address = SignUp.newName("stranger") + "@partner.example";

    browser.phone();
    browser.open(path);
    browser.heading("Who are you?");
    browser.type("Email address", address);
    browser.press("Send me a code");
    browser.heading("Enter the code");
    browser.seeText("a code is on its way");
    var matcher = CODE.matcher(Mailbox.text(Mailbox.await(address, 1)));
    assertThat(matcher.find()).isTrue();
    var code = matcher.group(1);

    browser.type("Code", code.equals("000000") ? "111111" : "000000");
    browser.press("Open");
    browser.seeText("tries left");
    browser.type("Code", code);
    browser.press("Open");
    browser.heading(owner + "-terms.pdf");
    browser.press("Download");
    var saved = browser.downloads.resolve(owner + "-terms.pdf");
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> Files.exists(saved) && Files.size(saved) == content.length);
    assertThat(Files.readAllBytes(saved)).isEqualTo(content);
  }
}
