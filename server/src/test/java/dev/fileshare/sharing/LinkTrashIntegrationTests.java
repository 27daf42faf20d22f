package dev.fileshare.sharing;

import static dev.fileshare.sharing.LinkCalls.download;
import static dev.fileshare.sharing.LinkCalls.link;
import static dev.fileshare.sharing.LinkCalls.tokenOf;
import static dev.fileshare.sharing.LinkCalls.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestUsers;
import dev.fileshare.files.TrashCalls;
import dev.fileshare.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A link to a file in the trash answers its visitors as a revoked link does, password or not, and
 * works again once the file is restored. Its owner still finds it in their list of links, may read,
 * change and revoke it; removing the file for good removes its links.
 */
class LinkTrashIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;

  TestUsers.User owner;
  long file;

  @BeforeEach
  void ownerWithAFile() {
    owner = TestUsers.verified(api, jdbc);
    file = upload(api, owner.token(), "report.pdf", "private");
  }

  @Test
  void aLinkToATrashedFileAnswersAsARevokedOneUntilTheFileIsRestored() {
    var open = tokenOf(link(api, owner.token(), file, Map.of()));
    var locked = tokenOf(link(api, owner.token(), file, Map.of("password", "open sesame")));
    var unlock = api.post("/api/s/" + locked + "/unlock/").json(Map.of("password", "open sesame"));
    var access = unlock.send().json().get("access").asString();
    var unknown = api.get("/api/s/" + "0".repeat(40) + "/").send();
    assertThat(download(api, open).status()).isEqualTo(200);

    TrashCalls.trash(api, owner.token(), file);
    for (var token : new String[] {open, locked}) {
      var visit = api.get("/api/s/" + token + "/").send();
      assertThat(visit.status()).as(token).isEqualTo(404);
      assertThat(visit.text()).isEqualTo(unknown.text().replace("0".repeat(40), token));
      assertThat(download(api, token).status()).isEqualTo(404);
      assertThat(api.get("/s/" + token).send().status()).isEqualTo(404);
      assertThat(api.get("/s/" + token + "/download").send().status()).isEqualTo(404);
    }
    var unlockAgain =
        api.post("/api/s/" + locked + "/unlock/").json(Map.of("password", "open sesame")).send();
    assertThat(unlockAgain.status()).isEqualTo(404);
    var withAccess = api.get("/api/s/" + locked + "/download/").header("Link-Access", access);
    assertThat(withAccess.send().status()).isEqualTo(404);

    assertThat(TrashCalls.restore(api, owner.token(), file).status()).isEqualTo(200);
    assertThat(download(api, open).status()).isEqualTo(200);
    var again = api.get("/api/s/" + locked + "/download/").header("Link-Access", access);
    assertThat(again.send().status()).isEqualTo(200);
  }

  @Test
  void theOwnerStillManagesTheLinksOfATrashedFileUntilItIsRemovedForGood() {
    var json = link(api, owner.token(), file, Map.of("label", "auditors"));
    var id = json.get("id").asLong();
    TrashCalls.trash(api, owner.token(), file);

    var mine = api.get("/api/links/").token(owner.token()).send();
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.json().get(0).get("id").asLong()).isEqualTo(id);
    assertThat(mine.json().get(0).get("file").asLong()).isEqualTo(file);
    assertThat(api.get("/api/links/" + id + "/").token(owner.token()).send().status())
        .isEqualTo(200);
    var relabel = api.call("PATCH", "/api/links/" + id + "/").token(owner.token());
    assertThat(relabel.json(Map.of("label", "nobody")).send().status()).isEqualTo(200);
    assertThat(api.get("/api/files/" + file + "/links/").token(owner.token()).send().status())
        .as("the file's own endpoints answer as for a file that is gone")
        .isEqualTo(404);
    var another = api.post("/api/files/" + file + "/links/").token(owner.token()).json(Map.of());
    assertThat(another.send().status()).isEqualTo(404);
    var mail =
        api.post("/api/links/" + id + "/mail/")
            .token(owner.token())
            .json(Map.of("to", java.util.List.of("someone@example.test")))
            .send();
    assertThat(mail.status()).isEqualTo(404);

    var stranger = TestUsers.verified(api, jdbc);
    assertThat(api.get("/api/links/" + id + "/").token(stranger.token()).send().status())
        .isEqualTo(404);

    assertThat(TrashCalls.purge(api, owner.token(), file).status()).isEqualTo(204);
    assertThat(api.get("/api/links/" + id + "/").token(owner.token()).send().status())
        .isEqualTo(404);
    assertThat(api.get("/api/links/").token(owner.token()).send().json().values()).isEmpty();
    assertThat(download(api, tokenOf(json)).status()).isEqualTo(404);
  }
}
