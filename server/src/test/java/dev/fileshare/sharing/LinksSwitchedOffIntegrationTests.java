package dev.fileshare.sharing;

import static dev.fileshare.sharing.LinkCalls.create;
import static dev.fileshare.sharing.LinkCalls.download;
import static dev.fileshare.sharing.LinkCalls.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestUsers;
import dev.fileshare.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** With links switched off no link can be made, and a link made before no longer opens. */
@TestPropertySource(properties = "fileshare.sharing.links-enabled=false")
class LinksSwitchedOffIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;

  @Test
  void noLinkIsMadeAndNoneOpens() {
    var owner = TestUsers.verified(api, jdbc);
    var file = upload(api, owner.token(), "closed.pdf", "private");
    var refused = create(api, owner.token(), file, Map.of());
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("detail").asString()).contains("switched off");
    assertThat(
            api.get("/api/links/settings/")
                .token(owner.token())
                .send()
                .json()
                .get("links_enabled")
                .asBoolean())
        .isFalse();

    // a link made while links were on
    var token = "ab".repeat(20);
    jdbc.sql(
            "INSERT INTO share_links (file_id, owner_id, token, label, downloads,"
                + " notify_first_download, created_at, updated_at)"
                + " SELECT id, owner_id, ?, '', 0, FALSE, 0, 0 FROM files WHERE id = ?")
        .params(token, file)
        .update();
    var opened = api.get("/api/s/" + token + "/").send();
    assertThat(opened.status()).isEqualTo(404);
    assertThat(opened.json().get("detail").asString()).contains("switched off");
    assertThat(download(api, token).status()).isEqualTo(404);
    assertThat(api.get("/s/" + token).send().status()).isEqualTo(404);
    // the owner still sees and can revoke it
    var mine = api.get("/api/links/").token(owner.token()).send().json();
    assertThat(mine.size()).isEqualTo(1);
    var id = mine.get(0).get("id").asLong();
    assertThat(api.call("DELETE", "/api/links/" + id + "/").token(owner.token()).send().status())
        .isEqualTo(204);
  }
}
