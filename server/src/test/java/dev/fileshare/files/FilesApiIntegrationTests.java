package dev.fileshare.files;

import static dev.fileshare.files.FileCalls.created;
import static dev.fileshare.files.FileCalls.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.storage.BlobStore;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.TestEnvironment;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every file endpoint's answers, beside the shapes the original API gave. */
class FilesApiIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;
  @Autowired BlobStore blobs;
  TestUsers.User alice;

  @BeforeEach
  void setUp() {
    alice = TestUsers.verified(api, jdbc);
  }

  @Test
  void uploadAnswersTheOriginalsShapeAndMore() {
    var pdf = TestPdfs.pdf("upload");
    var answer = upload(api, alice.token(), "a.pdf", pdf);
    assertThat(answer.status()).isEqualTo(201);
    var file = answer.json();
    var id = file.get("id").asLong();
    assertThat(file.get("id").isIntegralNumber()).isTrue();
    assertThat(file.get("pdf").asString())
        .isEqualTo(TestEnvironment.PUBLIC_URL + "/api/download/" + id + "/");
    assertThat(file.get("name").asString()).isEqualTo("a.pdf");
    assertThat(file.get("size").asLong()).isEqualTo(pdf.length);
    assertThat(file.get("content_type").asString()).isEqualTo("application/pdf");
    assertThat(file.get("sha256").asString()).hasSize(64);
    assertThat(file.get("owner").asString()).isEqualTo(alice.username());
    assertThat(file.get("visibility").asString()).isEqualTo("users");
    assertThat(file.get("created").asString()).endsWith("Z");
    assertThat(file.get("updated").asString()).endsWith("Z");
    assertThat(answer.header("Location"))
        .isEqualTo(TestEnvironment.PUBLIC_URL + "/api/files/" + id + "/");

    var again = api.get("/api/files/" + id + "/").token(alice.token()).send();
    assertThat(again.status()).isEqualTo(200);
    assertThat(FileJson.settled(again.json())).isEqualTo(FileJson.settled(file));
    assertThat(FileJson.settled(api.get("/api/files/" + id).token(alice.token()).send().json()))
        .isEqualTo(FileJson.settled(file));
  }

  @Test
  void listIsAPlainArrayAndAllFilesAnObject() {
    var file = created(api, alice.token(), "listed.pdf", "users");
    var list = api.get("/api/files/").token(alice.token()).send();
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().isArray()).isTrue();
    assertThat(list.json().valueStream().map(FileJson::settled)).contains(FileJson.settled(file));

    var all = api.get("/api/all_files/").token(alice.token()).send();
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.json().properties()).extracting(Map.Entry::getKey).containsExactly("files");
    assertThat(all.json().get("files").valueStream().map(FileJson::settled))
        .contains(FileJson.settled(file));
  }

  @Test
  void missingFileEmptyFileAndTextInsteadOfAFileAre400() {
    var form = new Multipart().field("visibility", "users");
    var missing =
        api.post("/api/files/").token(alice.token()).body(form.contentType(), form.bytes()).send();
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("pdf").get(0).asString()).isEqualTo("No file was submitted.");
    var json = api.post("/api/files/").token(alice.token()).json(Map.of()).send();
    assertThat(json.json().get("pdf").get(0).asString()).isEqualTo("No file was submitted.");

    var empty = upload(api, alice.token(), "empty.pdf", new byte[0]);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().get("pdf").get(0).asString()).isEqualTo("The submitted file is empty.");

    var text = new Multipart().field("pdf", "not a file");
    var notAFile =
        api.post("/api/files/").token(alice.token()).body(text.contentType(), text.bytes()).send();
    assertThat(notAFile.status()).isEqualTo(400);
    assertThat(notAFile.json().get("pdf").get(0).asString()).startsWith("The submitted data");
    var badVisibility = upload(api, alice.token(), "v.pdf", TestPdfs.pdf("v"), "public");
    assertThat(badVisibility.status()).isEqualTo(400);
    assertThat(badVisibility.json().has("visibility")).isTrue();
  }

  @Test
  void rawBodyUploadsForScripts() {
    var pdf = TestPdfs.pdf("raw");
    var byQuery =
        api.post("/api/files/?name=" + URLEncoder.encode("Über raw.pdf", StandardCharsets.UTF_8))
            .token(alice.token())
            .body("application/pdf", pdf)
            .send();
    assertThat(byQuery.status()).as(byQuery.toString()).isEqualTo(201);
    assertThat(byQuery.json().get("name").asString()).isEqualTo("Über raw.pdf");

    var byHeader =
        api.post("/api/files/?visibility=private")
            .token(alice.token())
            .header("Content-Disposition", "attachment; filename*=UTF-8''%E6%97%A5%E6%9C%AC.pdf")
            .body("application/octet-stream", pdf)
            .send();
    assertThat(byHeader.status()).as(byHeader.toString()).isEqualTo(201);
    assertThat(byHeader.json().get("name").asString()).isEqualTo("日本.pdf");
    assertThat(byHeader.json().get("visibility").asString()).isEqualTo("private");

    var nameless = api.post("/api/files/").token(alice.token()).body("application/pdf", pdf).send();
    assertThat(nameless.status()).isEqualTo(400);
    assertThat(nameless.json().has("name")).isTrue();
  }

  @Test
  void putReplacesTheContentAndPatchChangesWhatItCarries() {
    var file = created(api, alice.token(), "first.pdf", "users");
    var id = file.get("id").asLong();
    var second = TestPdfs.pdf("second version");
    var put = FileCalls.replace(api, alice.token(), id, "second.pdf", second);
    assertThat(put.status()).as(put.toString()).isEqualTo(200);
    assertThat(put.json().get("id").asLong()).isEqualTo(id);
    assertThat(put.json().get("name").asString()).isEqualTo("second.pdf");
    assertThat(put.json().get("size").asLong()).isEqualTo(second.length);
    assertThat(put.json().get("sha256")).isNotEqualTo(file.get("sha256"));
    var download = api.get("/api/download/" + id + "/").token(alice.token()).send();
    assertThat(download.bytes()).isEqualTo(second);

    var putWithoutFile =
        api.call("PUT", "/api/files/" + id + "/").token(alice.token()).json(Map.of()).send();
    assertThat(putWithoutFile.status()).isEqualTo(400);
    assertThat(putWithoutFile.json().get("pdf").get(0).asString())
        .isEqualTo("No file was submitted.");

    var json =
        api.call("PATCH", "/api/files/" + id + "/")
            .token(alice.token())
            .json(Map.of("name", "renamed.pdf", "visibility", "private"))
            .send();
    assertThat(json.status()).isEqualTo(200);
    assertThat(json.json().get("name").asString()).isEqualTo("renamed.pdf");
    assertThat(json.json().get("visibility").asString()).isEqualTo("private");
    assertThat(json.json().get("sha256")).isEqualTo(put.json().get("sha256"));

    var urlencoded =
        api.call("PATCH", "/api/files/" + id)
            .token(alice.token())
            .form(Map.of("visibility", "users"))
            .send();
    assertThat(urlencoded.json().get("visibility").asString()).isEqualTo("users");

    var third = TestPdfs.pdf("third");
    var patchFile = new Multipart().pdf("third.pdf", third).field("name", "kept name.pdf");
    var patched =
        api.call("PATCH", "/api/files/" + id + "/")
            .token(alice.token())
            .body(patchFile.contentType(), patchFile.bytes())
            .send();
    assertThat(patched.json().get("name").asString()).isEqualTo("kept name.pdf");
    assertThat(patched.json().get("size").asLong()).isEqualTo(third.length);
    FileCalls.assertStorageMatchesRows(blobs, jdbc);
  }

  @Test
  void deleteAnswers204ThenTheFileIsGone() {
    var id = created(api, alice.token(), "gone.pdf", "users").get("id").asLong();
    var delete = api.call("DELETE", "/api/files/" + id + "/").token(alice.token()).send();
    assertThat(delete.status()).isEqualTo(204);
    assertThat(delete.bytes()).isEmpty();
    for (var path : new String[] {"/api/files/" + id + "/", "/api/download/" + id + "/"}) {
      var answer = api.get(path).token(alice.token()).send();
      assertThat(answer.status()).isEqualTo(404);
      assertThat(answer.json().get("detail").asString()).isEqualTo("Not found.");
    }
    FileCalls.assertStorageMatchesRows(blobs, jdbc);
  }

  @Test
  void unknownAndNonIntegerIdsAreNotFound() {
    for (var id : new String[] {"999999999", "abc", "-1", "1.5", "99999999999999999999999"}) {
      for (var method : new String[] {"GET", "PUT", "PATCH", "DELETE"}) {
        var answer = api.call(method, "/api/files/" + id + "/").token(alice.token()).send();
        assertThat(answer.status()).as(method + " " + id).isEqualTo(404);
        assertThat(answer.json().get("detail").asString()).isEqualTo("Not found.");
      }
      assertThat(api.get("/api/download/" + id + "/").token(alice.token()).send().status())
          .isEqualTo(404);
    }
  }

  @Test
  void unverifiedUsersCannotUpload() {
    var bob = TestUsers.unverified(api, jdbc);
    var answer = upload(api, bob.token(), "nope.pdf", TestPdfs.pdf("nope"));
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.json().get("detail").asString()).contains("Confirm your email");
  }
}
