package dev.fileshare.activity;

import static dev.fileshare.activity.ActivityCalls.feed;
import static dev.fileshare.activity.ActivityCalls.summary;
import static dev.fileshare.activity.ActivityCalls.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestUsers;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.Mailbox;
import dev.fileshare.support.SignUp;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Links in the owner's feed, through the real endpoints: a link made, a download through it (by
 * nobody with an account), a download by a named person who proved their address, a link revoked.
 * The limits on codes are raised as in the link recipient tests, whose server this one shares.
 */
@TestPropertySource(
    properties = {
      "fileshare.sharing.codes.per-client=100000/1h",
      "fileshare.sharing.codes.per-scope=100000/1h",
      "fileshare.sharing.codes.failures-per-client=100000/15m"
    })
class ActivityLinkIntegrationTests extends ApiTest {

  private static final Pattern CODE = Pattern.compile("Your code: (\\d{6})");

  @Autowired JdbcClient jdbc;

  @Test
  void linksMadeDownloadedAndRevokedAreInTheOwnersFeed() {
    var owner = TestUsers.verified(api, jdbc);
    var other = TestUsers.verified(api, jdbc);
    var file = upload(api, owner.token(), "report.pdf");
    var open = link(owner, file, Map.of());
    var named = link(owner, file, Map.of("recipients", List.of("*@partner.example")));
    var visitor = SignUp.newName("visitor") + "@partner.example";

    assertThat(api.get("/api/s/" + token(open) + "/download/").send().status()).isEqualTo(200);
    var access = proved(token(named), visitor);
    var download =
        api.get("/api/s/" + token(named) + "/download/").header("Link-Access", access).send();
    assertThat(download.status()).as(download.toString()).isEqualTo(200);
    var revoked = api.call("DELETE", "/api/links/" + id(open) + "/").token(owner.token()).send();
    assertThat(revoked.status()).isEqualTo(204);

    var answer = feed(api, owner.token(), "/api/activity/?file=" + file + "&limit=5");
    var name = owner.username();
    assertThat(summary(answer))
        .containsExactly(
            "link_revoked " + name + " " + id(open),
            "link_downloaded - " + visitor,
            "link_downloaded - " + id(open),
            "link_created " + name + " " + id(named),
            "link_created " + name + " " + id(open));
    assertThat(answer.json().get(0).get("file_name").asString()).isEqualTo("report.pdf");
    assertThat(answer.json().get(0).get("file").asLong()).isEqualTo(file);
    assertThat(summary(feed(api, other.token(), "/api/activity/"))).isEmpty();
  }

  @Test
  void aResumedRangeOfACountedDownloadIsNotToldAgain() {
    var owner = TestUsers.verified(api, jdbc);
    var file = upload(api, owner.token(), "long.pdf");
    var link = link(owner, file, Map.of());
    var path = "/api/s/" + token(link) + "/download/";

    assertThat(api.get(path).header("Range", "bytes=0-9").send().status()).isEqualTo(206);
    assertThat(api.get(path).header("Range", "bytes=10-").send().status()).isEqualTo(206);

    assertThat(summary(feed(api, owner.token(), "/api/activity/?file=" + file + "&limit=2")))
        .containsExactly(
            "link_downloaded - " + id(link), "link_created " + owner.username() + " " + id(link));
  }

  private JsonNode link(TestUsers.User owner, long file, Map<String, ?> body) {
    var answer = api.post("/api/files/" + file + "/links/").token(owner.token()).json(body).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json();
  }

  private static long id(JsonNode link) {
    return link.get("id").asLong();
  }

  private static String token(JsonNode link) {
    var url = link.get("url").asString();
    return url.substring(url.lastIndexOf('/') + 1);
  }

  /** Asks for a code for the address, reads it from the mail and gives it: answers the access. */
  private String proved(String linkToken, String address) {
    var asked = api.post("/api/s/" + linkToken + "/code/").json(Map.of("address", address)).send();
    assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
    var matcher = CODE.matcher(Mailbox.text(Mailbox.await(address, 1)));
    assertThat(matcher.find()).isTrue();
    var verified =
        api.post("/api/s/" + linkToken + "/verify/")
            .json(Map.of("address", address, "code", matcher.group(1)))
            .send();
    assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
    return verified.json().get("access").asString();
  }
}
