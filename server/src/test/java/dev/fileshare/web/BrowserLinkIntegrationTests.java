package dev.fileshare.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.Multipart;
import dev.fileshare.support.Api;
import dev.fileshare.support.SignUp;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * A link opened by a stranger in a fresh Chromium that never signed in, on a phone's screen: the
 * password form, the file, the Download button, the count going up, the limit reached (the last
 * download taken by another client); and an expired link that says so.
 */
class BrowserLinkIntegrationTests extends BrowserTest {

  @Test
  void aStrangerUnlocksAndDownloadsUntilTheLimitIsReached() throws Exception {
    var api = new Api(port);
    var owner = SignUp.newName("linker");
    var token = SignUp.verifiedUser(api, owner);
    var content = dev.fileshare.files.TestPdfs.pdf("For the stranger");
    var file = upload(api, token, owner + "-brief.pdf", content);
    var link = link(api, token, file, Map.of("password", "open sesame", "max_downloads", 2));
    var path = "/s/" + tokenOf(link);

    browser.phone();
    browser.open(path);
    browser.heading("Enter the password");
    browser.type("Password", "open says me");
    browser.press("Unlock");
    browser.seeText("The password is not right.");
    browser.type("Password", "open sesame");
    browser.press("Unlock");
    browser.heading(owner + "-brief.pdf");
    browser.seeText(owner);
    browser.seeText("2");
    assertThat(
            (Boolean)
                browser.driver.executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth"))
        .as("the page fits a phone's width")
        .isTrue();
    assertThat(downloads(api, token, link)).isZero();

    browser.press("Download");
    var saved = browser.downloads.resolve(owner + "-brief.pdf");
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> Files.exists(saved) && Files.size(saved) == content.length);
    assertThat(Files.readAllBytes(saved)).isEqualTo(content);
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> downloads(api, token, link) == 1);

    browser.open(path);
    browser.heading(owner + "-brief.pdf");
    assertThat(browser.driver.findElement(By.cssSelector("dl")).getText())
        .contains("Downloads left\n1");
    // someone else the link was given to takes the last download, with a client of their own
    var unlocked =
        api.post("/api/s/" + tokenOf(link) + "/unlock/")
            .json(Map.of("password", "open sesame"))
            .send()
            .json()
            .get("access")
            .asString();
    var second =
        api.get("/api/s/" + tokenOf(link) + "/download/").header("Link-Access", unlocked).send();
    assertThat(second.status()).isEqualTo(200);
    assertThat(downloads(api, token, link)).isEqualTo(2);

    browser.open(path);
    browser.heading("This link has reached its download limit");
    browser.seeText("Ask the person who sent it for a new one.");
  }

  @Test
  void anExpiredLinkSaysItExpired() {
    var api = new Api(port);
    var owner = SignUp.newName("expirer");
    var token = SignUp.verifiedUser(api, owner);
    var file = upload(api, token, owner + "-old.pdf", dev.fileshare.files.TestPdfs.pdf("Old news"));
    var link =
        link(
            api,
            token,
            file,
            Map.of("expires", clock.instant().plus(Duration.ofHours(1)).toString()));
    browser.open("/s/" + tokenOf(link));
    browser.heading(owner + "-old.pdf");

    clock.advance(Duration.ofHours(2));
    browser.open("/s/" + tokenOf(link));
    browser.heading("This link has expired");
    assertThat(browser.all(By.xpath("//button[normalize-space()='Download']"))).isEmpty();
  }

  private static long upload(Api api, String token, String name, byte[] content) {
    var form = new Multipart().pdf(name, content).field("visibility", "private");
    var answer = api.post("/api/files/").token(token).body(form.contentType(), form.bytes()).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json().get("id").asLong();
  }

  private static JsonNode link(Api api, String token, long file, Map<String, ?> body) {
    var answer = api.post("/api/files/" + file + "/links/").token(token).json(body).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json();
  }

  private static String tokenOf(JsonNode link) {
    var url = link.get("url").asString();
    return url.substring(url.lastIndexOf('/') + 1);
  }

  private static long downloads(Api api, String token, JsonNode link) {
    return api.get("/api/links/" + link.get("id").asLong() + "/")
        .token(token)
        .send()
        .json()
        .get("downloads")
        .asLong();
  }
}
