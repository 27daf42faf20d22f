package dev.fileshare.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.storage.BlobStore;
import dev.fileshare.support.Api;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.HostilePdfs;
import dev.fileshare.support.StoredBlobs;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * With {@code fileshare.inspection.active-content=reject}, a PDF with active content is refused on
 * every way in, with the same 415 as any unacceptable content, naming what was found; nothing of it
 * stays, and the quota is as before.
 */
@TestPropertySource(properties = "fileshare.inspection.active-content=reject")
class ActiveContentRefusalIntegrationTests extends ApiTest {

  static final String DETAIL =
      "The PDF contains JavaScript, an embedded file and an action that runs when it is opened,"
          + " which this server does not accept.";

  @Autowired JdbcClient jdbc;
  @Autowired BlobStore blobs;
  TestUsers.User alice;

  @BeforeEach
  void setUp() {
    alice = TestUsers.verified(api, jdbc);
  }

  static void assertRefused(Api.Answer answer) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(415);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    var body = answer.json();
    assertThat(body.get("detail").asString()).isEqualTo(DETAIL);
    assertThat(body.get("active_content").values().stream().map(n -> n.asString()))
        .containsExactly("javascript", "embedded_file", "auto_action");
  }

  void assertNothingKept(String usageBefore) {
    var mine = api.get("/api/files/?owner=me").token(alice.token()).send().json();
    assertThat(mine.values()).isEmpty();
    assertThat(usage()).isEqualTo(usageBefore);
    StoredBlobs.assertNoBlobLeft(blobs, jdbc);
  }

  String usage() {
    return api.get("/api/user/me/").token(alice.token()).send().json().get("usage").toString();
  }

  @Test
  void multipartAndRawUploadsAreRefused() {
    var before = usage();
    assertRefused(FileCalls.upload(api, alice.token(), "a.pdf", HostilePdfs.withActiveContent(1)));
    assertRefused(
        api.post("/api/files/?name=b.pdf")
            .token(alice.token())
            .body("application/pdf", HostilePdfs.withActiveContent(2))
            .send());
    assertNothingKept(before);
  }

  @Test
  void aResumableUploadIsRefusedWhenItsLastPieceArrives() {
    var before = usage();
    var pdf = HostilePdfs.withActiveContent(3);
    var created =
        api.post("/api/uploads/")
            .token(alice.token())
            .header("Tus-Resumable", "1.0.0")
            .header("Upload-Length", Integer.toString(pdf.length))
            .header("Upload-Metadata", "filename " + base64("c.pdf"))
            .send();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    var patch =
        api.call("PATCH", created.header("Location"))
            .token(alice.token())
            .header("Tus-Resumable", "1.0.0")
            .header("Upload-Offset", "0")
            .body("application/offset+octet-stream", pdf)
            .send();
    assertRefused(patch);
    assertNothingKept(before);
  }

  @Test
  void aReplacementIsRefusedAndTheOldContentStays() {
    var original = TestPdfs.pdf("original");
    var id = FileCalls.upload(api, alice.token(), "keep.pdf", original).json().get("id").asLong();
    var before = usage();
    assertRefused(
        FileCalls.replace(api, alice.token(), id, "keep.pdf", HostilePdfs.withActiveContent(4)));
    assertThat(api.get("/api/download/" + id + "/").token(alice.token()).send().bytes())
        .isEqualTo(original);
    assertThat(usage()).isEqualTo(before);
    StoredBlobs.assertNoBlobLeft(blobs, jdbc);
  }

  @Test
  void aFileSentThroughARequestIsRefused() {
    var before = usage();
    var request =
        api.post("/api/requests/").token(alice.token()).json(Map.of("title", "Forms")).send();
    assertThat(request.status()).as(request.toString()).isEqualTo(201);
    var url = request.json().get("url").asString();
    var token = url.substring(url.lastIndexOf('/') + 1);
    var visit = api.post("/api/r/" + token + "/visits/").json(Map.of()).send();
    assertThat(visit.status()).as(visit.toString()).isEqualTo(201);
    var sent =
        api.post("/api/r/" + token + "/files/?name=form.pdf")
            .header("Request-Visit", visit.json().get("visit").asString())
            .body("application/pdf", HostilePdfs.withActiveContent(5))
            .send();
    assertRefused(sent);
    assertNothingKept(before);
  }

  @Test
  void aDocumentWithoutActiveContentIsStored() {
    var answer = FileCalls.upload(api, alice.token(), "plain.pdf", TestPdfs.pdf("plain"));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
  }

  static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
