package dev.fileshare.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.Multipart;
import dev.fileshare.files.TestPdfs;
import dev.fileshare.support.Api;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The calls the link tests make: upload a file, make a link, read its token from its URL. */
final class LinkCalls {

  private LinkCalls() {}

  /** Uploads a fresh PDF and answers its id. */
  static long upload(Api api, String token, String filename, String visibility) {
    return uploaded(api, token, filename, visibility, TestPdfs.pdf(filename + visibility, 2));
  }

  static long uploaded(Api api, String token, String filename, String visibility, byte[] bytes) {
    var form = new Multipart().pdf(filename, bytes).field("visibility", visibility);
    var answer = api.post("/api/files/").token(token).body(form.contentType(), form.bytes()).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json().get("id").asLong();
  }

  static Api.Answer create(Api api, String token, long fileId, Map<String, ?> body) {
    return api.post("/api/files/" + fileId + "/links/").token(token).json(body).send();
  }

  /** Makes a link and answers its JSON; fails the test unless it was created. */
  static JsonNode link(Api api, String token, long fileId, Map<String, ?> body) {
    var answer = create(api, token, fileId, body);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json();
  }

  /** The access a link's password unlocks, for its Link-Access header. */
  static String access(Api api, String linkToken, String password) {
    return api.post("/api/s/" + linkToken + "/unlock/")
        .json(Map.of("password", password))
        .send()
        .json()
        .get("access")
        .asString();
  }

  /** The token in a link's URL. */
  static String tokenOf(JsonNode link) {
    var url = link.get("url").asString();
    return url.substring(url.lastIndexOf('/') + 1);
  }

  static Api.Answer download(Api api, String linkToken) {
    return api.get("/api/s/" + linkToken + "/download/").send();
  }

  static long downloads(Api api, String token, long linkId) {
    var answer = api.get("/api/links/" + linkId + "/").token(token).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json().get("downloads").asLong();
  }
}
