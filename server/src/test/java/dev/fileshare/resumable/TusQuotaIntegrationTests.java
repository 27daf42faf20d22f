package dev.fileshare.resumable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.Multipart;
import dev.fileshare.files.TestPdfs;
import dev.fileshare.files.TestUsers;
import dev.fileshare.quotas.QuotaService;
import dev.fileshare.quotas.QuotaService.Limit;
import dev.fileshare.shared.UserId;
import dev.fileshare.support.ApiTest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A resumable upload's length counts in its owner's quota from its creation (refused with 413 when
 * it does not fit), turns into the file's usage when it completes, and is given back when the
 * upload is terminated or expires.
 */
class TusQuotaIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;
  @Autowired QuotaService quotas;
  @Autowired ExpiredUploadSweeper sweeper;
  TestUsers.User alice;
  byte[] pdf;

  @BeforeEach
  void signIn() {
    alice = TestUsers.verified(api, jdbc);
    pdf = TestPdfs.pdf("tus quota " + UUID.randomUUID(), 4);
    setQuota(pdf.length + 100);
  }

  @Test
  void theLengthIsReservedAtCreationAndBecomesTheFilesUsage() {
    var path = TusCalls.create(api, alice.token(), pdf.length, "a.pdf");
    var reserved = usage();
    assertThat(reserved.get("reserved").asLong()).isEqualTo(pdf.length);
    assertThat(reserved.get("bytes").asLong()).isZero();

    var other = TusCalls.createCall(api, alice.token(), 101, TusCalls.metadata("b.pdf", null));
    var refused = other.send();
    assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
    assertThat(refused.json().get("quota").get("bytes").asLong()).isEqualTo(pdf.length + 100);
    assertThat(refused.json().get("usage").get("reserved").asLong()).isEqualTo(pdf.length);
    var form = new Multipart().pdf("small.pdf", TestPdfs.pdf("small"));
    var upload =
        api.post("/api/files/").token(alice.token()).body(form.contentType(), form.bytes());
    assertThat(upload.send().status()).isEqualTo(507);

    var half = pdf.length / 2;
    assertThat(TusCalls.patch(api, alice.token(), path, 0, part(0, half)).send().status())
        .isEqualTo(204);
    assertThat(usage().get("reserved").asLong()).isEqualTo(pdf.length);
    var last = TusCalls.patch(api, alice.token(), path, half, part(half, pdf.length)).send();
    assertThat(last.status()).as(last.toString()).isEqualTo(204);
    assertThat(last.header("Fileshare-File-Id")).isNotNull();

    var done = usage();
    assertThat(done.get("reserved").asLong()).isZero();
    assertThat(done.get("bytes").asLong()).isEqualTo(pdf.length);
    assertThat(done.get("files").asLong()).isEqualTo(1);
    assertThat(reservedInRow(path)).isZero();
  }

  @Test
  void terminationGivesTheReservationBack() {
    var path = TusCalls.create(api, alice.token(), pdf.length, "a.pdf");
    TusCalls.patch(api, alice.token(), path, 0, part(0, 1000)).send();
    var answer =
        api.call("DELETE", path).token(alice.token()).header("Tus-Resumable", "1.0.0").send();
    assertThat(answer.status()).isEqualTo(204);
    assertThat(usage().get("reserved").asLong()).isZero();
    assertThat(TusCalls.create(api, alice.token(), pdf.length, "again.pdf")).isNotNull();
  }

  @Test
  void anExpiredUploadGivesTheReservationBackWhenSwept() {
    var path = TusCalls.create(api, alice.token(), pdf.length, "a.pdf");
    TusCalls.patch(api, alice.token(), path, 0, part(0, 1000)).send();
    clock.advance(Duration.ofHours(25));
    assertThat(usage().get("reserved").asLong()).isEqualTo(pdf.length);
    assertThat(sweeper.sweep()).isGreaterThanOrEqualTo(1);
    assertThat(usage().get("reserved").asLong()).isZero();
  }

  @Test
  void anUploadLongerThanWhatIsLeftIsRefusedAtCreation() {
    var answer =
        TusCalls.createCall(api, alice.token(), pdf.length + 101, TusCalls.metadata("a.pdf", null))
            .send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
    assertThat(answer.json().get("quota").get("bytes").asLong()).isEqualTo(pdf.length + 100);
    assertThat(answer.json().get("usage").get("bytes").asLong()).isZero();
    assertThat(answer.json().get("detail").asString()).contains("quota");
    assertThat(usage().get("reserved").asLong()).isZero();
    var rows =
        jdbc.sql(
                "SELECT COUNT(*) FROM tus_uploads t JOIN users u ON u.id = t.owner_id"
                    + " WHERE u.username = ?")
            .param(alice.username())
            .query(Long.class)
            .single();
    assertThat(rows).isZero();
  }

  private void setQuota(long bytes) {
    var me = api.get("/api/user/me/").token(alice.token()).send().json();
    var id = new UserId(me.get("id").asLong());
    quotas.setQuota(id, Optional.of(Limit.of(bytes)), Optional.empty());
  }

  private JsonNode usage() {
    return api.get("/api/user/me/").token(alice.token()).send().json().get("usage");
  }

  private long reservedInRow(String path) {
    return jdbc.sql("SELECT reserved FROM tus_uploads WHERE id = ?")
        .param(path.substring(path.lastIndexOf('/') + 1))
        .query(Long.class)
        .single();
  }

  private byte[] part(int from, int to) {
    return Arrays.copyOfRange(pdf, from, to);
  }
}
