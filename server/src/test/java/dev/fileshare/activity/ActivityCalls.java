package dev.fileshare.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.shared.UserId;
import dev.fileshare.support.Api;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The calls the activity tests make: who am I, upload a file, read a page of the feed. */
final class ActivityCalls {

  private ActivityCalls() {}

  static UserId idOf(Api api, String token) {
    var me = api.get("/api/user/me/").token(token).send();
    assertThat(me.status()).as(me.toString()).isEqualTo(200);
    return new UserId(me.json().get("id").asLong());
  }

  /** Uploads a fresh PDF and answers its id. */
  static long upload(Api api, String token, String name) {
    var created =
        api.post("/api/files/?name=" + name)
            .token(token)
            .body("application/pdf", TestPdfs.pdf(name))
            .send();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asLong();
  }

  /** A page of the feed at {@code path}; fails the test unless it answers 200. */
  static Api.Answer feed(Api api, String token, String path) {
    var answer = api.get(path).token(token).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer;
  }

  static List<JsonNode> entries(Api.Answer answer) {
    return answer.json().values().stream().toList();
  }

  /** Each entry as "action actor detail" ("-" for no actor), newest first. */
  static List<String> summary(Api.Answer answer) {
    return entries(answer).stream().map(ActivityCalls::summary).toList();
  }

  static String summary(JsonNode entry) {
    var actor = entry.get("actor").isNull() ? "-" : entry.get("actor").asString();
    return entry.get("action").asString() + " " + actor + " " + entry.get("detail").asString();
  }

  /** The path and query of the next page in the answer's Link header, or null. */
  static String next(Api.Answer answer) {
    var link = answer.header("Link");
    if (link == null) {
      return null;
    }
    var url = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
    return url.substring(url.indexOf("/api/"));
  }
}
