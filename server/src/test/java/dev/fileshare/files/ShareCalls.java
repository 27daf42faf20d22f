package dev.fileshare.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The calls the sharing tests make. */
final class ShareCalls {

  private ShareCalls() {}

  static Api.Answer share(Api api, String token, long file, String user, String permission) {
    return api.post("/api/files/" + file + "/shares/")
        .token(token)
        .json(Map.of("user", user, "permission", permission))
        .send();
  }

  /** Shares the file and answers the share's JSON; fails the test unless it was made. */
  static JsonNode shared(Api api, String token, long file, String user, String permission) {
    var answer = share(api, token, file, user, permission);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json();
  }

  static Api.Answer revoke(Api api, String token, long file, long share) {
    return api.call("DELETE", "/api/files/" + file + "/shares/" + share + "/").token(token).send();
  }

  /** The ids of the files a list answers ({@code /api/files/...} or {@code /api/all_files/}). */
  static List<Long> ids(Api api, String token, String path) {
    var answer = api.get(path).token(token).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    var json = answer.json();
    var files =
        json.isArray() ? json : json.has("results") ? json.get("results") : json.get("files");
    return files.values().stream().map(f -> f.get("id").asLong()).toList();
  }
}
