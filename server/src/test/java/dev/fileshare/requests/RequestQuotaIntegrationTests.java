package dev.fileshare.requests;

import static dev.fileshare.requests.RequestCalls.base64;
import static dev.fileshare.requests.RequestCalls.filesOf;
import static dev.fileshare.requests.RequestCalls.patch;
import static dev.fileshare.requests.RequestCalls.request;
import static dev.fileshare.requests.RequestCalls.send;
import static dev.fileshare.requests.RequestCalls.tokenOf;
import static dev.fileshare.requests.RequestCalls.visit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.files.TestUsers;
import dev.fileshare.quotas.QuotaService;
import dev.fileshare.quotas.QuotaService.Limit;
import dev.fileshare.shared.UserId;
import dev.fileshare.storage.BlobStore;
import dev.fileshare.support.Api;
import dev.fileshare.support.StoredBlobs;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Files sent through a request count in the owner's quota, whoever sends them: a file that does not
 * fit is refused with 507 (before its body when it announces its length), a resumable upload that
 * does not fit with 413 at its creation, and one that does reserves its length until it is a file.
 */
class RequestQuotaIntegrationTests extends RequestTest {

  @Autowired JdbcClient jdbc;
  @Autowired BlobStore blobs;
  @Autowired QuotaService quotas;
  TestUsers.User owner;
  JsonNode json;
  String token;
  String visit;

  @BeforeEach
  void openRequest() {
    owner = TestUsers.verified(api, jdbc);
    json = request(api, owner.token(), Map.of("title", "Receipts"));
    token = tokenOf(json);
    visit = visit(api, token);
  }

  @Test
  void aFileThatDoesNotFitTheOwnersQuotaIsRefusedWithoutTheOwnersFiguresAndLeavesNothing() {
    var small = TestPdfs.pdf("fits");
    setQuota(small.length + 500);
    assertThat(send(api, token, visit, "fits.pdf", small).status()).isEqualTo(201);
    var before = usage();
    assertThat(before.get("files").asLong()).isEqualTo(1);

    var big = send(api, token, visit, "big.pdf", TestPdfs.pdf("does not fit", 3));
    assertThat(big.status()).as(big.toString()).isEqualTo(507);
    // the uploader learns that the file does not fit, not how much the owner stores
    assertThat(big.json().has("quota")).as(big.toString()).isFalse();
    assertThat(big.json().has("usage")).as(big.toString()).isFalse();
    assertThat(big.json().get("detail").asString()).contains("no room");
    assertThat(usage()).isEqualTo(before);
    assertThat(filesOf(api, owner.token(), json.get("id").asLong())).hasSize(1);
    StoredBlobs.assertNoBlobLeft(blobs, jdbc);
  }

  @Test
  void aFileAnnouncedLongerThanWhatIsLeftIsRefusedBeforeItsBody() throws IOException {
    setQuota(1000);
    try (var socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      var head =
          "POST /api/r/"
              + token
              + "/files/?name=a.pdf HTTP/1.1\r\nHost: 127.0.0.1\r\nRequest-Visit: "
              + visit
              + "\r\nContent-Type: application/pdf\r\nContent-Length: 5000\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      var status = new byte[12];
      assertThat(socket.getInputStream().readNBytes(status, 0, 12)).isEqualTo(12);
      assertThat(new String(status, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 507");
    }
  }

  @Test
  void aResumableUploadReservesInTheOwnersQuotaUntilItIsAFile() {
    var pdf = TestPdfs.pdf("in pieces", 4);
    setQuota(pdf.length);
    var tooLong = create(pdf.length + 1);
    assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(413);
    assertThat(tooLong.json().has("quota")).as(tooLong.toString()).isFalse();

    var created = create(pdf.length);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(usage().get("reserved").asLong()).isEqualTo(pdf.length);
    var location = created.header("Location");
    var half = pdf.length / 2;
    assertThat(piece(location, 0, Arrays.copyOfRange(pdf, 0, half)).status()).isEqualTo(204);
    var last = piece(location, half, Arrays.copyOfRange(pdf, half, pdf.length));
    assertThat(last.status()).as(last.toString()).isEqualTo(204);

    var done = usage();
    assertThat(done.get("reserved").asLong()).isZero();
    assertThat(done.get("bytes").asLong()).isEqualTo(pdf.length);
    assertThat(done.get("files").asLong()).isEqualTo(1);
  }

  @Test
  void aResumableUploadRefusedAtTheEndGivesItsReservationBack() {
    var pdf = TestPdfs.pdf("refused at the end", 4);
    var created = create(pdf.length);
    var location = created.header("Location");
    var half = pdf.length / 2;
    assertThat(piece(location, 0, Arrays.copyOfRange(pdf, 0, half)).status()).isEqualTo(204);
    assertThat(usage().get("reserved").asLong()).isEqualTo(pdf.length);

    patch(api, owner.token(), json.get("id").asLong(), Map.of("closed", true));
    var end = piece(location, half, Arrays.copyOfRange(pdf, half, pdf.length));
    assertThat(end.status()).isEqualTo(410);
    var after = usage();
    assertThat(after.get("reserved").asLong()).isZero();
    assertThat(after.get("bytes").asLong()).isZero();
  }

  private void setQuota(long bytes) {
    var me = api.get("/api/user/me/").token(owner.token()).send().json();
    var id = new UserId(me.get("id").asLong());
    quotas.setQuota(id, Optional.of(Limit.of(bytes)), Optional.empty());
  }

  private JsonNode usage() {
    return api.get("/api/user/me/").token(owner.token()).send().json().get("usage");
  }

  private Api.Answer create(long length) {
    return api.post("/api/r/" + token + "/uploads/")
        .header("Tus-Resumable", "1.0.0")
        .header("Request-Visit", visit)
        .header("Upload-Length", Long.toString(length))
        .header("Upload-Metadata", "filename " + base64("scan.pdf"))
        .send();
  }

  private Api.Answer piece(String location, long offset, byte[] bytes) {
    return api.call("PATCH", location)
        .header("Tus-Resumable", "1.0.0")
        .header("Request-Visit", visit)
        .header("Upload-Offset", Long.toString(offset))
        .body("application/offset+octet-stream", bytes)
        .send();
  }
}
