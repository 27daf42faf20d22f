package dev.fileshare.files.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.Multipart;
import dev.fileshare.files.TestPdfs;
import dev.fileshare.support.Api;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The files a migration test uploaded, with what each must still be afterwards: owner, name,
 * visibility, SHA-256 and time of the last change, as the API shows them.
 */
final class MigrationFixture {

  /** A file as a client saw it when it was uploaded, and the token of its owner. */
  record Uploaded(
      long id,
      String owner,
      String name,
      String visibility,
      String sha256,
      String updated,
      String token) {}

  final Map<Long, Uploaded> files = new ConcurrentHashMap<>();
  private final Api api;

  MigrationFixture(Api api) {
    this.api = api;
  }

  Uploaded upload(String token, String name, String visibility, int pages) {
    return upload(api, token, name, visibility, pages);
  }

  /** Uploads a new file through the node {@code via}. */
  Uploaded upload(Api via, String token, String name, String visibility, int pages) {
    var content = TestPdfs.pdf(name + " " + System.nanoTime(), pages);
    var form = new Multipart().pdf(name, content).field("visibility", visibility);
    var answer = via.post("/api/files/").token(token).body(form.contentType(), form.bytes()).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return record(answer.json(), content, visibility, token);
  }

  /** Gives the file new content, through the node {@code via}. */
  Uploaded replace(Api via, Uploaded file) {
    var content = TestPdfs.pdf(file.name() + " replaced " + System.nanoTime(), 2);
    var form = new Multipart().pdf(file.name(), content);
    var answer =
        via.call("PUT", "/api/files/" + file.id() + "/")
            .token(file.token())
            .body(form.contentType(), form.bytes())
            .send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return record(answer.json(), content, file.visibility(), file.token());
  }

  private Uploaded record(JsonNode json, byte[] content, String visibility, String token) {
    assertThat(json.get("sha256").asString()).isEqualTo(sha256(content));
    var file =
        new Uploaded(
            json.get("id").asLong(),
            json.get("owner").asString(),
            json.get("name").asString(),
            visibility,
            sha256(content),
            json.get("updated").asString(),
            token);
    files.put(file.id(), file);
    return file;
  }

  /** Downloads the file and fails unless its bytes are the ones uploaded. */
  void assertDownloads(Uploaded file) {
    assertDownloads(api, file);
  }

  /** Downloads the file through the node {@code via}, and checks its bytes. */
  void assertDownloads(Api api, Uploaded file) {
    var download = api.get("/api/download/" + file.id() + "/").token(file.token()).send();
    assertThat(download.status()).as("download of file %d: %s", file.id(), download).isEqualTo(200);
    assertThat(sha256(download.bytes())).as("file %d", file.id()).isEqualTo(file.sha256());
  }

  /** Downloads a version of the file and fails unless its bytes are those {@code file} had. */
  void assertVersionDownloads(Uploaded file, long number) {
    var path = "/api/files/" + file.id() + "/versions/" + number + "/download/";
    var download = api.get(path).token(file.token()).send();
    assertThat(download.status()).as("download of %s: %s", path, download).isEqualTo(200);
    assertThat(sha256(download.bytes())).as(path).isEqualTo(file.sha256());
  }

  /** Every file downloads intact and still has its owner, name and visibility. */
  void assertAllIntact() {
    for (var file : files.values()) {
      assertDownloads(file);
      JsonNode shown = api.get("/api/files/" + file.id() + "/").token(file.token()).send().json();
      assertThat(shown.get("owner").asString()).isEqualTo(file.owner());
      assertThat(shown.get("name").asString()).isEqualTo(file.name());
      assertThat(shown.get("visibility").asString()).isEqualTo(file.visibility());
      assertThat(shown.get("sha256").asString()).isEqualTo(file.sha256());
      assertThat(shown.get("updated").asString()).isEqualTo(file.updated());
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
