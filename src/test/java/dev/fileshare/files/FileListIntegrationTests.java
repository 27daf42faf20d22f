package dev.fileshare.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.ApiTest;
import dev.fileshare.support.TestEnvironment;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Filters, orderings and DRF's limit/offset pages of the file list. */
class FileListIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;
  TestUsers.User alice;
  TestUsers.User bob;
  String tag;

  @BeforeEach
  void setUp() {
    alice = TestUsers.verified(api, jdbc);
    bob = TestUsers.verified(api, jdbc);
    tag = "T" + UUID.randomUUID().toString().substring(0, 8);
    FileCalls.created(api, alice.token(), "b " + tag + ".pdf", "users");
    upload(alice, "A " + tag + ".pdf", 3);
    FileCalls.created(api, alice.token(), "c " + tag + ".pdf", "private");
    FileCalls.created(api, bob.token(), "d " + tag + ".pdf", "users");
    FileCalls.created(api, bob.token(), "e " + tag + " secret.pdf", "private");
  }

  void upload(TestUsers.User user, String name, int pages) {
    var answer = FileCalls.upload(api, user.token(), name, TestPdfs.pdf(name, pages));
    assertThat(answer.status()).isEqualTo(201);
  }

  List<String> names(String token, String query) {
    var answer = api.get("/api/files/?search=" + tag + query).token(token).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json().values().stream().map(f -> f.get("name").asString()).toList();
  }

  @Test
  void everyoneSeesSharedFilesAndTheirOwnPrivateOnes() {
    assertThat(names(alice.token(), ""))
        .containsExactlyInAnyOrder(
            "b " + tag + ".pdf", "A " + tag + ".pdf", "c " + tag + ".pdf", "d " + tag + ".pdf");
    assertThat(names(bob.token(), ""))
        .containsExactlyInAnyOrder(
            "b " + tag + ".pdf",
            "A " + tag + ".pdf",
            "d " + tag + ".pdf",
            "e " + tag + " secret.pdf");
    var all = api.get("/api/all_files/?search=" + tag).token(bob.token()).send().json();
    assertThat(all.get("files").values()).hasSize(4);
  }

  @Test
  void ownerMeAndSearchIgnoringCase() {
    assertThat(names(bob.token(), "&owner=me"))
        .containsExactlyInAnyOrder("d " + tag + ".pdf", "e " + tag + " secret.pdf");
    var lower = api.get("/api/files/?search=" + tag.toLowerCase() + "%20SECRET").token(bob.token());
    assertThat(lower.send().json().values()).hasSize(1);
    assertThat(api.get("/api/files/?owner=someone").token(bob.token()).send().status())
        .isEqualTo(400);
  }

  @Test
  void orderings() {
    assertThat(names(alice.token(), "&ordering=name"))
        .containsExactly(
            "A " + tag + ".pdf", "b " + tag + ".pdf", "c " + tag + ".pdf", "d " + tag + ".pdf");
    assertThat(names(alice.token(), "&ordering=-name").get(0)).isEqualTo("d " + tag + ".pdf");
    assertThat(names(alice.token(), "&ordering=-size").get(0)).isEqualTo("A " + tag + ".pdf");
    assertThat(names(alice.token(), "&ordering=created").get(0)).isEqualTo("b " + tag + ".pdf");
    assertThat(names(alice.token(), "").get(0)).isEqualTo("d " + tag + ".pdf");
    assertThat(names(alice.token(), "&ordering=nonsense").get(0)).isEqualTo("d " + tag + ".pdf");
  }

  @Test
  void limitAndOffsetGiveDrfPages() {
    var first = page("&ordering=name&limit=3");
    assertThat(first.get("count").asLong()).isEqualTo(4);
    assertThat(first.get("previous").isNull()).isTrue();
    assertThat(first.get("results").values()).hasSize(3);
    var next = first.get("next").asString();
    assertThat(next)
        .startsWith(TestEnvironment.PUBLIC_URL + "/api/files/?")
        .contains("limit=3", "offset=3", "search=" + tag, "ordering=name");

    var second = page("&ordering=name&limit=3&offset=3");
    assertThat(second.get("next").isNull()).isTrue();
    assertThat(second.get("previous").asString()).contains("limit=3").doesNotContain("offset");
    assertThat(second.get("results").values())
        .extracting(f -> f.get("name").asString())
        .containsExactly("d " + tag + ".pdf");
    assertThat(api.get("/api/files/?limit=x").token(alice.token()).send().status()).isEqualTo(400);
  }

  JsonNode page(String query) {
    var answer = api.get("/api/files/?search=" + tag + query).token(alice.token()).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json();
  }
}
