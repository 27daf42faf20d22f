package dev.fileshare.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Lists show every change at once, including changes made within the same millisecond or by a node
 * whose clock is behind the last change (each node remembers the files it listed by id and update
 * time).
 */
class FileListIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;

  @Test
  void everyChangeShowsInTheNextListEvenFromANodeWhoseClockIsBehind() {
    var alice = TestUsers.verified(api, jdbc);
    var bob = TestUsers.verified(api, jdbc);
    var id = FileCalls.created(api, alice.token(), "first.pdf", "users").get("id").asLong();
    var seen = listed(bob.token(), id).orElseThrow();
    assertThat(seen.get("name").asString()).isEqualTo("first.pdf");

    clock.advance(Duration.ofHours(-1));
    for (var name : List.of("second.pdf", "third.pdf", "fourth.pdf")) {
      var before = Instant.parse(seen.get("updated").asString());
      change(alice.token(), id, Map.of("name", name));
      seen = listed(bob.token(), id).orElseThrow();
      assertThat(seen.get("name").asString()).isEqualTo(name);
      assertThat(Instant.parse(seen.get("updated").asString())).isAfter(before);
    }

    change(alice.token(), id, Map.of("visibility", "private"));
    assertThat(listed(bob.token(), id)).isEmpty();
    assertThat(listed(alice.token(), id).orElseThrow().get("visibility").asString())
        .isEqualTo("private");

    var content = TestPdfs.pdf("other content");
    var put = FileCalls.replace(api, alice.token(), id, "fifth.pdf", content);
    assertThat(put.status()).as(put.toString()).isEqualTo(200);
    var replaced = listed(alice.token(), id).orElseThrow();
    assertThat(replaced.get("name").asString()).isEqualTo("fifth.pdf");
    assertThat(replaced.get("size").asLong()).isEqualTo(content.length);
    assertThat(replaced.get("sha256")).isEqualTo(put.json().get("sha256"));
  }

  private void change(String token, long id, Map<String, String> fields) {
    var answer = api.call("PATCH", "/api/files/" + id + "/").token(token).json(fields).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
  }

  private Optional<JsonNode> listed(String token, long id) {
    var answer = api.get("/api/all_files/").token(token).send();
    assertThat(answer.status()).isEqualTo(200);
    return answer.json().get("files").values().stream()
        .filter(file -> file.get("id").asLong() == id)
        .findFirst();
  }
}
