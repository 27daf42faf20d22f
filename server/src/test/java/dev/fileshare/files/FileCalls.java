package dev.fileshare.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.storage.BlobStore;
import dev.fileshare.support.Api;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The calls most file tests make, and a check that storage holds exactly what the rows say. */
final class FileCalls {

  private FileCalls() {}

  static Api.Answer upload(Api api, String token, String filename, byte[] content) {
    var form = new Multipart().pdf(filename, content);
    return api.post("/api/files/").token(token).body(form.contentType(), form.bytes()).send();
  }

  static Api.Answer upload(
      Api api, String token, String filename, byte[] content, String visibility) {
    var form = new Multipart().pdf(filename, content).field("visibility", visibility);
    return api.post("/api/files/").token(token).body(form.contentType(), form.bytes()).send();
  }

  /** Replaces the file's content with a PUT of a multipart form. */
  static Api.Answer replace(Api api, String token, long id, String filename, byte[] content) {
    var form = new Multipart().pdf(filename, content);
    return api.call("PUT", "/api/files/" + id + "/")
        .token(token)
        .body(form.contentType(), form.bytes())
        .send();
  }

  /** Uploads a fresh PDF and answers its JSON; fails the test unless it was created. */
  static JsonNode created(Api api, String token, String filename, String visibility) {
    var answer = upload(api, token, filename, TestPdfs.pdf(filename + visibility), visibility);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json();
  }

  /**
   * Every blob belongs to a row (a file, a version, a piece of a resumable upload, a preview) and
   * every row's blob exists: nothing orphaned, nothing lost.
   */
  static void assertStorageMatchesRows(BlobStore blobs, JdbcClient jdbc) {
    dev.fileshare.support.StoredBlobs.assertNoBlobLeft(blobs, jdbc);
  }
}
