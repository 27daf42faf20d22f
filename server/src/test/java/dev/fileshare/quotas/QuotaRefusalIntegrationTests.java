package dev.fileshare.quotas;

import static dev.fileshare.quotas.QuotaCalls.announce;
import static dev.fileshare.quotas.QuotaCalls.assertRefusal;
import static dev.fileshare.quotas.QuotaCalls.setQuota;
import static dev.fileshare.quotas.QuotaCalls.upload;
import static dev.fileshare.quotas.QuotaCalls.uploadRaw;
import static dev.fileshare.quotas.QuotaCalls.usage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.files.TestUsers;
import dev.fileshare.quotas.QuotaService.Limit;
import dev.fileshare.shared.UserId;
import dev.fileshare.storage.BlobStore;
import dev.fileshare.storage.TestContent;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.StoredBlobs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Uploads that would take the owner over their quota are refused with 507 and the quota and usage
 * in the problem: before the body is read when its announced length does not fit, as soon as the
 * bytes stop fitting otherwise, and nothing of them is kept.
 */
class QuotaRefusalIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;
  @Autowired BlobStore blobs;
  @Autowired QuotaService quotas;
  TestUsers.User alice;
  UserId aliceId;

  @BeforeEach
  void signIn() {
    alice = TestUsers.verified(api, jdbc);
    aliceId = QuotaCalls.id(api, alice.token());
  }

  @Test
  void theProfileShowsUsageAndQuota() {
    var fresh = usage(api, alice.token());
    assertThat(fresh.get("bytes").asLong()).isZero();
    assertThat(fresh.get("reserved").asLong()).isZero();
    assertThat(fresh.get("files").asLong()).isZero();
    assertThat(fresh.get("quota_bytes").isNull()).isTrue();
    assertThat(fresh.get("quota_files").isNull()).isTrue();

    var pdf = TestPdfs.pdf("profile");
    assertThat(upload(api, alice.token(), "a.pdf", pdf).status()).isEqualTo(201);
    quotas.setQuota(aliceId, Optional.of(Limit.of(1_000_000)), Optional.of(Limit.of(5)));
    var after = usage(api, alice.token());
    assertThat(after.get("bytes").asLong()).isEqualTo(pdf.length);
    assertThat(after.get("files").asLong()).isEqualTo(1);
    assertThat(after.get("quota_bytes").asLong()).isEqualTo(1_000_000);
    assertThat(after.get("quota_files").asLong()).isEqualTo(5);
  }

  @Test
  void theApiDocumentDescribesTheUsageInTheProfile() {
    var schemas = api.get("/api/schema").send().json().get("components").get("schemas");
    var usage = schemas.get("Profile").get("properties").get("usage").get("$ref").asString();
    var members = schemas.get(usage.substring(usage.lastIndexOf('/') + 1)).get("properties");
    assertThat(members.propertyNames())
        .containsExactlyInAnyOrder("bytes", "reserved", "files", "quota_bytes", "quota_files");
    assertThat(schemas.get("Profile").get("properties").has("more")).isFalse();
  }

  @Test
  void aMultipartUploadThatStopsFittingIsRefusedAndNothingIsKept() {
    var first = TestPdfs.pdf("first");
    assertThat(upload(api, alice.token(), "first.pdf", first).status()).isEqualTo(201);
    setQuota(quotas, aliceId, first.length + 2000);
    var before = usage(api, alice.token());

    var big = TestPdfs.pdf("too big", 5);
    var answer = upload(api, alice.token(), "big.pdf", big);

    assertRefusal(answer, 507, first.length + 2000, before);
    assertThat(answer.header("Connection")).isEqualTo("close");
    assertThat(usage(api, alice.token())).isEqualTo(before);
    assertThat(api.get("/api/files/?owner=me").token(alice.token()).send().json().values())
        .hasSize(1);
    StoredBlobs.assertNoBlobLeft(blobs, jdbc);
  }

  @Test
  void aFileThatFitsExactlyIsTakenAndThenNothingMore() {
    var pdf = TestPdfs.pdf("exactly");
    setQuota(quotas, aliceId, pdf.length);
    assertThat(uploadRaw(api, alice.token(), "exact.pdf", pdf).status()).isEqualTo(201);
    var full = usage(api, alice.token());
    assertThat(full.get("bytes").asLong()).isEqualTo(pdf.length);

    var more = uploadRaw(api, alice.token(), "more.pdf", TestPdfs.pdf("more"));
    assertRefusal(more, 507, pdf.length, full);
    StoredBlobs.assertNoBlobLeft(blobs, jdbc);
  }

  @Test
  void aRawBodyAnnouncedLongerThanTheRoomIsRefusedBeforeItIsSent() {
    setQuota(quotas, aliceId, 10_000);
    var head =
        "POST /api/files/?name=a.pdf HTTP/1.1\r\nAuthorization: Token "
            + alice.token()
            + "\r\nContent-Type: application/pdf\r\n";
    var answer = announce(port, head, 10_001);
    assertThat(answer).startsWith("HTTP/1.1 507").contains("\"quota\"").contains("\"usage\"");
  }

  @Test
  void aMultipartBodyAnnouncedFarLongerThanTheRoomIsRefusedBeforeItIsSent() {
    setQuota(quotas, aliceId, 10_000);
    var head =
        "POST /api/files/ HTTP/1.1\r\nAuthorization: Token "
            + alice.token()
            + "\r\nContent-Type: multipart/form-data; boundary=quota\r\n";
    var answer = announce(port, head, 10_000 + 2 * 1024 * 1024);
    assertThat(answer).startsWith("HTTP/1.1 507").contains("\"quota\"");
  }

  @Test
  void aBodyWithoutLengthIsStoppedAsSoonAsItNoLongerFits() throws Exception {
    setQuota(quotas, aliceId, 64 * 1024);
    var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    var request =
        HttpRequest.newBuilder(URI.create(api.base() + "/api/files/?name=stream.pdf"))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Token " + alice.token())
            .header("Content-Type", "application/pdf")
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> TestContent.generated(256 * 1024, 3)))
            .build();
    int status;
    try {
      status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException cutOff) {
      status = -1;
    }
    assertThat(status).isEqualTo(507);
    assertThat(usage(api, alice.token()).get("bytes").asLong()).isZero();
    StoredBlobs.assertNoBlobLeft(blobs, jdbc);
  }

  @Test
  void theQuotaOfFilesCountsToo() {
    quotas.setQuota(aliceId, Optional.empty(), Optional.of(Limit.of(1)));
    assertThat(upload(api, alice.token(), "one.pdf", TestPdfs.pdf("one")).status()).isEqualTo(201);
    var answer = upload(api, alice.token(), "two.pdf", TestPdfs.pdf("two"));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(507);
    assertThat(answer.json().get("quota").get("files").asLong()).isEqualTo(1);
    assertThat(answer.json().get("usage").get("files").asLong()).isEqualTo(1);
    assertThat(answer.json().get("detail").asString()).contains("1 files");
    StoredBlobs.assertNoBlobLeft(blobs, jdbc);
  }
}
