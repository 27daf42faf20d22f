package dev.fileshare.requests;

import static dev.fileshare.requests.RequestCalls.base64;
import static dev.fileshare.requests.RequestCalls.filesOf;
import static dev.fileshare.requests.RequestCalls.patch;
import static dev.fileshare.requests.RequestCalls.request;
import static dev.fileshare.requests.RequestCalls.tokenOf;
import static dev.fileshare.requests.RequestCalls.visit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.files.TestUsers;
import dev.fileshare.storage.BlobStore;
import dev.fileshare.support.Api;
import dev.fileshare.support.StoredBlobs;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Resumable uploads through a request: in pieces, for the visit only, checked at the end. */
class RequestTusIntegrationTests extends RequestTest {

  @Autowired JdbcClient jdbc;
  @Autowired BlobStore blobs;

  @Test
  void aStrangerSendsAFileInPiecesAndItBecomesTheOwnersFile() {
    var owner = TestUsers.verified(api, jdbc);
    var json = request(api, owner.token(), Map.of("title", "Scans", "require_name", true));
    var token = tokenOf(json);
    var visit = visit(api, token);
    var pdf = TestPdfs.pdf("scan", 30);
    var noName = create(token, visit, pdf.length, "filename " + base64("scan.pdf"));
    assertThat(noName.status()).isEqualTo(400);
    assertThat(noName.json().has("uploader_name")).isTrue();

    var created =
        create(
            token,
            visit,
            pdf.length,
            "filename " + base64("scan.pdf") + ",uploader_name " + base64("Cleo"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    var location = created.header("Location");
    assertThat(location).startsWith("/api/r/" + token + "/uploads/");

    var half = pdf.length / 2;
    var first = piece(location, visit, 0, Arrays.copyOfRange(pdf, 0, half)).send();
    assertThat(first.status()).isEqualTo(204);
    var stranger = visit(api, token);
    var peek = api.call("HEAD", location).header("Tus-Resumable", "1.0.0");
    assertThat(peek.header("Request-Visit", stranger).send().status()).isEqualTo(404);
    var head = api.call("HEAD", location).header("Tus-Resumable", "1.0.0");
    assertThat(head.header("Request-Visit", visit).send().header("Upload-Offset"))
        .isEqualTo(Integer.toString(half));

    var last =
        piece(location, visit, half, Arrays.copyOfRange(pdf, half, pdf.length))
            .header("Accept", "application/json")
            .send();
    assertThat(last.status()).as(last.toString()).isEqualTo(200);
    assertThat(last.json().get("name").asString()).isEqualTo("scan.pdf");
    assertThat(last.json().has("owner")).isFalse();
    var files = filesOf(api, owner.token(), json.get("id").asLong());
    assertThat(files).hasSize(1);
    assertThat(files.get(0).get("size").asLong()).isEqualTo(pdf.length);
    var uploads = api.get("/api/requests/" + json.get("id").asLong() + "/uploads/");
    assertThat(uploads.token(owner.token()).send().json().get(0).get("uploader_name").asString())
        .isEqualTo("Cleo");
  }

  @Test
  void anUploadInProgressIsRefusedAtTheEndWhenTheRequestClosedAndLeavesNoFile() {
    var owner = TestUsers.verified(api, jdbc);
    var json = request(api, owner.token(), Map.of("title", "Closing soon"));
    var token = tokenOf(json);
    var visit = visit(api, token);
    var pdf = TestPdfs.pdf("too late", 30);
    var created = create(token, visit, pdf.length, "filename " + base64("late.pdf"));
    var location = created.header("Location");
    var half = pdf.length / 2;
    assertThat(piece(location, visit, 0, Arrays.copyOfRange(pdf, 0, half)).send().status())
        .isEqualTo(204);

    patch(api, owner.token(), json.get("id").asLong(), Map.of("closed", true));
    var end = piece(location, visit, half, Arrays.copyOfRange(pdf, half, pdf.length)).send();
    assertThat(end.status()).isEqualTo(410);
    assertThat(filesOf(api, owner.token(), json.get("id").asLong())).isEmpty();
    StoredBlobs.assertNoBlobLeft(blobs, jdbc);
  }

  @Test
  void aFileLargerThanTheRequestTakesIsRefusedBeforeItsBytes() {
    var owner = TestUsers.verified(api, jdbc);
    var token = tokenOf(request(api, owner.token(), Map.of("title", "Tiny", "max_file_size", 100)));
    var visit = visit(api, token);
    var answer = create(token, visit, 5000, "filename " + base64("big.pdf"));
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.json().get("max_upload_size").asLong()).isEqualTo(100);
    var options = api.call("OPTIONS", "/api/r/" + token + "/uploads/").send();
    assertThat(options.header("Tus-Version")).isEqualTo("1.0.0");
  }

  private Api.Answer create(String token, String visit, long length, String metadata) {
    return api.post("/api/r/" + token + "/uploads/")
        .header("Tus-Resumable", "1.0.0")
        .header("Request-Visit", visit)
        .header("Upload-Length", Long.toString(length))
        .header("Upload-Metadata", metadata)
        .send();
  }

  private Api.Call piece(String location, String visit, long offset, byte[] bytes) {
    return api.call("PATCH", location)
        .header("Tus-Resumable", "1.0.0")
        .header("Request-Visit", visit)
        .header("Upload-Offset", Long.toString(offset))
        .body("application/offset+octet-stream", bytes);
  }
}
