package dev.fileshare.sharing;

import static dev.fileshare.sharing.LinkCalls.create;
import static dev.fileshare.sharing.LinkCalls.download;
import static dev.fileshare.sharing.LinkCalls.link;
import static dev.fileshare.sharing.LinkCalls.tokenOf;
import static dev.fileshare.sharing.LinkCalls.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestUsers;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.Mailbox;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.TestEnvironment;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The access log (whole addresses kept here), its retention, mailing a link, the owner's mail at
 * the first download, and every bad input answered with a problem that names it.
 */
@TestPropertySource(
    properties = {
      "fileshare.sharing.log-addresses=whole",
      "fileshare.sharing.log-retention=30d",
      "fileshare.sharing.max-expiry=30d",
      "fileshare.sharing.mail-per-user=4/1h"
    })
class LinkLogAndMailIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;
  @Autowired LinkCleanup cleanup;

  TestUsers.User owner;
  long file;

  @BeforeEach
  void ownerWithAFile() {
    owner = TestUsers.verified(api, jdbc);
    file = upload(api, owner.token(), "minutes.pdf", "private");
  }

  @Test
  void theOwnerReadsWhoOpenedAndDownloadedPerLinkAndPerFile() {
    var first = link(api, owner.token(), file, Map.of("password", "open sesame"));
    var token = tokenOf(first);
    api.get("/s/" + token).header("User-Agent", "Visiting Browser/1.0").send();
    api.post("/api/s/" + token + "/unlock/").json(Map.of("password", "wrong one")).send();
    var access = LinkCalls.access(api, token, "open sesame");
    var bytes =
        api.get("/api/s/" + token + "/download/")
            .header("Link-Access", access)
            .header("User-Agent", "Downloader/2.0")
            .send()
            .bytes();
    var second = link(api, owner.token(), file, Map.of());
    download(api, tokenOf(second));

    var log =
        api.get("/api/links/" + first.get("id").asLong() + "/log/").token(owner.token()).send();
    assertThat(log.status()).as(log.toString()).isEqualTo(200);
    var events = List.copyOf(log.json().get("results").values());
    assertThat(events)
        .extracting(e -> e.get("kind").asString())
        .containsExactly("download_completed", "download_started", "password_failed", "visit");
    assertThat(events.get(0).get("bytes").asLong()).isEqualTo(bytes.length);
    assertThat(events.get(0).get("user_agent").asString()).isEqualTo("Downloader/2.0");
    assertThat(events.get(3).get("user_agent").asString()).isEqualTo("Visiting Browser/1.0");
    assertThat(events.get(3).get("bytes").isNull()).isTrue();
    assertThat(events)
        .allSatisfy(e -> assertThat(e.get("address").asString()).isEqualTo("127.0.0.1"));
    assertThat(events).allSatisfy(e -> assertThat(e.has("at")).isTrue());
    assertThat(log.json().get("next").isNull()).isTrue();

    // the file's log holds both links' entries; pages go back by id
    var page = api.get("/api/files/" + file + "/links/log/?limit=3").token(owner.token()).send();
    assertThat(page.json().get("results").size()).isEqualTo(3);
    assertThat(page.json().get("results").get(0).get("link").asLong())
        .isEqualTo(second.get("id").asLong());
    var next = page.json().get("next").asString();
    assertThat(next).startsWith(TestEnvironment.PUBLIC_URL);
    var rest =
        api.get(next.substring(TestEnvironment.PUBLIC_URL.length())).token(owner.token()).send();
    assertThat(rest.json().get("results").size()).isEqualTo(3);

    // the entries go when they are older than the retention
    clock.advance(Duration.ofDays(31));
    cleanup.clean();
    var again = SignUp.login(api, owner.username(), TestUsers.PASSWORD);
    var after = api.get("/api/files/" + file + "/links/log/").token(again).send();
    assertThat(after.json().get("results").size()).isZero();
  }

  @Test
  void aLinkIsMailedWithTheMessageButNeverThePassword() throws Exception {
    var json = link(api, owner.token(), file, Map.of("password", "open sesame", "label", "board"));
    var id = json.get("id").asLong();
    var to = List.of(owner.username() + "-a@example.org", owner.username() + "-b@example.org");
    var sent =
        api.post("/api/links/" + id + "/mail/")
            .token(owner.token())
            .json(Map.of("to", to, "message", "Here are the minutes.\nBest, the chair"))
            .send();
    assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
    for (var address : to) {
      var text = Mailbox.text(Mailbox.await(address, 1));
      assertThat(text)
          .contains(json.get("url").asString())
          .contains("Here are the minutes.")
          .contains("minutes.pdf")
          .contains(owner.username())
          .contains("asks for a password")
          .doesNotContain("open sesame");
    }

    var bad =
        api.post("/api/links/" + id + "/mail/")
            .token(owner.token())
            .json(Map.of("to", List.of("not an address")))
            .send();
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("to").get(0).asString()).contains("not an email address");
    assertThat(
            api.post("/api/links/" + id + "/mail/")
                .token(owner.token())
                .json(Map.of("to", List.of()))
                .send()
                .status())
        .isEqualTo(400);

    // four addresses an hour here: two more go, the next is refused
    var more =
        api.post("/api/links/" + id + "/mail/")
            .token(owner.token())
            .json(
                Map.of(
                    "to",
                    List.of(
                        "c-" + owner.username() + "@example.org",
                        "d-" + owner.username() + "@example.org")))
            .send();
    assertThat(more.status()).isEqualTo(202);
    var tooMany =
        api.post("/api/links/" + id + "/mail/")
            .token(owner.token())
            .json(Map.of("to", List.of("e-" + owner.username() + "@example.org")))
            .send();
    assertThat(tooMany.status()).isEqualTo(429);
    assertThat(tooMany.header("Retry-After")).isNotNull();
  }

  @Test
  void theOwnerIsMailedOnceAtTheFirstDownload() {
    var json =
        link(api, owner.token(), file, Map.of("notify_first_download", true, "label", "press"));
    var token = tokenOf(json);
    var email = owner.username() + "@example.test";
    Mailbox.await(email, 1); // the mail that asked to confirm the address
    var before = 1;
    api.get("/s/" + token).send();
    assertThat(download(api, token).status()).isEqualTo(200);
    var mail = Mailbox.await(email, before + 1);
    assertThat(Mailbox.text(mail)).contains("minutes.pdf").contains("press").contains("first time");
    assertThat(download(api, token).status()).isEqualTo(200);
    Awaitility.await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(() -> Mailbox.all(email).size() == before + 1);
  }

  @Test
  void everyBadInputIsAProblemThatNamesIt() {
    var now = clock.instant();
    assertBad(Map.of("expires", now.minusSeconds(60).toString()), "expires", "in the future");
    assertBad(
        Map.of("expires", now.plus(Duration.ofDays(31)).toString()), "expires", "at most 30 days");
    assertBad(Map.of("expires", "next tuesday"), "expires", "ISO 8601");
    var noExpiry = new HashMap<String, Object>();
    noExpiry.put("expires", null);
    assertBad(noExpiry, "expires", "must expire within 30 days");
    assertBad(Map.of("max_downloads", 0), "max_downloads", "at least 1");
    assertBad(Map.of("max_downloads", -3), "max_downloads", "at least 1");
    assertBad(Map.of("max_downloads", 2.5), "max_downloads", "whole number");
    assertBad(Map.of("max_downloads", "5"), "max_downloads", "whole number");
    assertBad(Map.of("password", ""), "password", "may not be empty");
    assertBad(Map.of("password", "abc"), "password", "at least 6 characters");
    assertBad(Map.of("password", 12345678), "password", "must be a string");
    assertBad(Map.of("label", "x".repeat(201)), "label", "at most 200");
    assertBad(Map.of("notify_first_download", "yes"), "notify_first_download", "true or false");
    var notObject =
        api.post("/api/files/" + file + "/links/").token(owner.token()).json("[]").send();
    assertThat(notObject.status()).isEqualTo(400);
    var broken = api.post("/api/files/" + file + "/links/").token(owner.token()).json("{").send();
    assertThat(broken.status()).isEqualTo(400);

    var id = link(api, owner.token(), file, Map.of()).get("id").asLong();
    var patch =
        api.call("PATCH", "/api/links/" + id + "/")
            .token(owner.token())
            .json(Map.of("max_downloads", 0))
            .send();
    assertThat(patch.status()).isEqualTo(400);
    assertThat(api.get("/api/links/abc/").token(owner.token()).send().status()).isEqualTo(404);
    assertThat(api.get("/api/links/?limit=0").token(owner.token()).send().status()).isEqualTo(400);
    assertThat(api.get("/api/s/not-a-token/").send().status()).isEqualTo(404);
    var unlock =
        api.post("/api/s/" + tokenOf(link(api, owner.token(), file, Map.of())) + "/unlock/")
            .json(Map.of("password", "x"))
            .send();
    assertThat(unlock.status()).isEqualTo(400);
    assertThat(unlock.json().get("detail").asString()).contains("no password");
  }

  private void assertBad(Map<String, ?> body, String field, String says) {
    var answer = create(api, owner.token(), file, body);
    assertThat(answer.status()).as(body + " → " + answer).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get(field).get(0).asString()).as(body.toString()).contains(says);
  }
}
