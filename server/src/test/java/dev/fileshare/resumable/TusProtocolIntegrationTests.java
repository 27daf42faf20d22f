package dev.fileshare.resumable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.files.TestUsers;
import dev.fileshare.support.ApiTest;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The protocol's answers to requests a well-behaved client would not send, and to some it would.
 */
class TusProtocolIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;
  TestUsers.User alice;
  byte[] pdf;

  @BeforeEach
  void signIn() {
    alice = TestUsers.verified(api, jdbc);
    pdf = TestPdfs.pdf("protocol " + UUID.randomUUID(), 20);
  }

  @Test
  void offsetThatIsNotWhereTheUploadStandsIsAConflict() {
    var path = TusCalls.create(api, alice.token(), pdf.length, "a.pdf");
    var first = TusCalls.patch(api, alice.token(), path, 0, part(0, 1000)).send();
    assertThat(first.status()).isEqualTo(204);
    assertThat(first.header("Upload-Offset")).isEqualTo("1000");
    assertThat(first.header("Upload-Expires")).endsWith("GMT");

    var again = TusCalls.patch(api, alice.token(), path, 0, part(0, 1000)).send();
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).isEqualTo("application/problem+json");
    var ahead = TusCalls.patch(api, alice.token(), path, 2000, part(2000, 3000)).send();
    assertThat(ahead.status()).isEqualTo(409);
    assertThat(TusCalls.head(api, alice.token(), path).header("Upload-Offset")).isEqualTo("1000");
  }

  @Test
  void wrongChecksumIs460AndKeepsNothing() {
    var path = TusCalls.create(api, alice.token(), pdf.length, "a.pdf");
    var bytes = part(0, 4000);
    var wrong =
        TusCalls.patch(api, alice.token(), path, 0, bytes)
            .header("Upload-Checksum", TusCalls.checksum(part(1, 4001)))
            .send();
    assertThat(wrong.status()).isEqualTo(460);
    assertThat(wrong.contentType()).isEqualTo("application/problem+json");
    assertThat(wrong.json().path("title").asText()).isEqualTo("Checksum Mismatch");
    assertThat(wrong.json().path("status").asInt()).isEqualTo(460);
    assertThat(TusCalls.head(api, alice.token(), path).header("Upload-Offset")).isEqualTo("0");
    assertThat(pieces(path)).isZero();

    var right =
        TusCalls.patch(api, alice.token(), path, 0, bytes)
            .header("Upload-Checksum", TusCalls.checksum(bytes))
            .send();
    assertThat(right.status()).isEqualTo(204);
    assertThat(right.header("Upload-Offset")).isEqualTo("4000");

    var unknown =
        TusCalls.patch(api, alice.token(), path, 4000, part(4000, 5000))
            .header("Upload-Checksum", "md5 1B2M2Y8AsgTpgAmY7PhCfg==")
            .send();
    assertThat(unknown.status()).isEqualTo(400);
  }

  @Test
  void anotherUsersUploadDoesNotExist() {
    var bob = TestUsers.verified(api, jdbc);
    var path = TusCalls.create(api, alice.token(), pdf.length, "a.pdf");
    assertThat(TusCalls.head(api, bob.token(), path).status()).isEqualTo(404);
    assertThat(TusCalls.patch(api, bob.token(), path, 0, part(0, 10)).send().status())
        .isEqualTo(404);
    var delete =
        api.call("DELETE", path).token(bob.token()).header("Tus-Resumable", "1.0.0").send();
    assertThat(delete.status()).isEqualTo(404);
    assertThat(TusCalls.head(api, alice.token(), path).status()).isEqualTo(200);
    assertThat(TusCalls.head(api, alice.token(), "/api/uploads/nonsense").status()).isEqualTo(404);
  }

  @Test
  void finalPieceAnswersTheFileAsJsonWhenAsked() {
    var path = TusCalls.create(api, alice.token(), pdf.length, "two parts.pdf");
    var half = pdf.length / 2;
    assertThat(TusCalls.patch(api, alice.token(), path, 0, part(0, half)).send().status())
        .isEqualTo(204);
    var last =
        TusCalls.patch(api, alice.token(), path, half, part(half, pdf.length))
            .header("Accept", "application/json")
            .send();
    assertThat(last.status()).as(last.toString()).isEqualTo(200);
    assertThat(last.header("Upload-Offset")).isEqualTo(Long.toString(pdf.length));
    var json = last.json();
    assertThat(json.get("id").asString()).isEqualTo(last.header("Fileshare-File-Id"));
    assertThat(json.get("url").asString()).isEqualTo(last.header("Fileshare-File-Url"));
    assertThat(json.get("name").asString()).isEqualTo("two parts.pdf");
    assertThat(json.get("sha256").asString()).isEqualTo(TusCalls.sha256(pdf));
    assertThat(json.get("visibility").asString()).isEqualTo("users");
  }

  @Test
  void creationWithUploadTakesTheWholeFileAtOnce() {
    var answer =
        TusCalls.createCall(
                api, alice.token(), pdf.length, TusCalls.metadata("once.pdf", "private"))
            .body(TusCalls.OCTETS, pdf)
            .send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    assertThat(answer.header("Upload-Offset")).isEqualTo(Long.toString(pdf.length));
    var id = answer.header("Fileshare-File-Id");
    var file = api.get("/api/files/" + id + "/").token(alice.token()).send().json();
    assertThat(file.get("visibility").asString()).isEqualTo("private");
  }

  @Test
  void sizesAreLimitedAtCreationAndWhileStreaming() {
    var tooLong = TusCalls.createCall(api, alice.token(), 2L << 30, TusCalls.metadata("x", null));
    assertThat(tooLong.send().status()).isEqualTo(413);
    var path = TusCalls.create(api, alice.token(), 100, "small.pdf");
    assertThat(TusCalls.patch(api, alice.token(), path, 0, new byte[101]).send().status())
        .isEqualTo(413);
    assertThat(TusCalls.head(api, alice.token(), path).header("Upload-Offset")).isEqualTo("0");
  }

  @Test
  void refusesWhatTheProtocolDoesNotAllow() {
    var noVersion =
        api.post("/api/uploads/").token(alice.token()).header("Upload-Length", "10").send();
    assertThat(noVersion.status()).isEqualTo(412);
    assertThat(noVersion.header("Tus-Version")).isEqualTo("1.0.0");
    var noName = TusCalls.createCall(api, alice.token(), 10, "visibility dXNlcnM=").send();
    assertThat(noName.status()).isEqualTo(400);
    var badVisibility =
        TusCalls.createCall(api, alice.token(), 10, TusCalls.metadata("a.pdf", "all")).send();
    assertThat(badVisibility.status()).isEqualTo(400);
    var path = TusCalls.create(api, alice.token(), 10, "a.pdf");
    var wrongType =
        api.call("PATCH", path)
            .token(alice.token())
            .header("Tus-Resumable", "1.0.0")
            .header("Upload-Offset", "0")
            .body("application/octet-stream", new byte[10])
            .send();
    assertThat(wrongType.status()).isEqualTo(415);
  }

  @Test
  void contentThatIsNotAcceptedEndsTheUpload() {
    var text = "not a pdf at all".getBytes();
    var path = TusCalls.create(api, alice.token(), text.length, "note.pdf");
    var answer = TusCalls.patch(api, alice.token(), path, 0, text).send();
    assertThat(answer.status()).isEqualTo(415);
    assertThat(TusCalls.head(api, alice.token(), path).status()).isEqualTo(404);
  }

  @Test
  void unverifiedUsersMayNotStartAnUpload() {
    var carol = TestUsers.unverified(api, jdbc);
    var answer =
        TusCalls.createCall(api, carol.token(), 10, TusCalls.metadata("a.pdf", null)).send();
    assertThat(answer.status()).isEqualTo(403);
  }

  private byte[] part(int from, int to) {
    return Arrays.copyOfRange(pdf, from, to);
  }

  private long pieces(String path) {
    var id = path.substring(path.lastIndexOf('/') + 1);
    return jdbc.sql("SELECT COUNT(*) FROM tus_pieces WHERE upload_id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }
}
