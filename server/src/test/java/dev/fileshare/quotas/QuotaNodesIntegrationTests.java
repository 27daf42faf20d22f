package dev.fileshare.quotas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.storage.BlobStore;
import dev.fileshare.support.Api;
import dev.fileshare.support.Node;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.StoredBlobs;
import dev.fileshare.support.TwoNodes;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two server nodes share one PostgreSQL database and one S3 bucket, as behind a load balancer: the
 * quota holds exactly across both, for uploads and for the reservations of resumable uploads. Runs
 * on PostgreSQL only (SQLite is one node's database).
 */
class QuotaNodesIntegrationTests {

  static Node one;
  static Node two;

  @RegisterExtension
  static final TwoNodes nodes =
      new TwoNodes(
          Map.of(),
          (first, second) -> {
            one = first;
            two = second;
          });

  @Test
  void tenUploadsAtBothNodesOneFileOverTheQuotaLeaveNineFiles() throws Exception {
    var token = SignUp.verifiedUser(one.api(), SignUp.newName("quotanodes"));
    var documents = QuotaRace.documents("N" + UUID.randomUUID());
    var quota = (long) documents.get(0).length * (QuotaRace.RACERS - 1);
    QuotaCalls.setQuota(one.bean(QuotaService.class), QuotaCalls.id(one.api(), token), quota);
    var apis = List.of(one.api(), two.api());

    var statuses =
        QuotaRace.run(
            i -> QuotaCalls.upload(apis.get(i % 2), token, "r" + i + ".pdf", documents.get(i)));

    assertThat(statuses).filteredOn(s -> s == 201).hasSize(QuotaRace.RACERS - 1);
    assertThat(statuses).filteredOn(s -> s == 507).hasSize(1);
    var usage = QuotaCalls.usage(two.api(), token);
    assertThat(usage.get("bytes").asLong()).isEqualTo(quota);
    assertThat(usage.get("files").asLong()).isEqualTo(QuotaRace.RACERS - 1);
    var listed = one.api().get("/api/files/?owner=me").token(token).send().json();
    assertThat(listed.values()).hasSize(QuotaRace.RACERS - 1);
    StoredBlobs.assertNoBlobLeft(one.bean(BlobStore.class), one.bean(JdbcClient.class));
  }

  @Test
  void tenResumableUploadsAtBothNodesReserveNoMoreThanTheQuota() throws Exception {
    var token = SignUp.verifiedUser(one.api(), SignUp.newName("tusnodes"));
    var length = 50_000L;
    var quota = length * (QuotaRace.RACERS - 1);
    QuotaCalls.setQuota(two.bean(QuotaService.class), QuotaCalls.id(two.api(), token), quota);
    var apis = List.of(one.api(), two.api());

    var statuses = QuotaRace.run(i -> create(apis.get(i % 2), token, length));

    assertThat(statuses).filteredOn(s -> s == 201).hasSize(QuotaRace.RACERS - 1);
    assertThat(statuses).filteredOn(s -> s == 413).hasSize(1);
    var usage = QuotaCalls.usage(one.api(), token);
    assertThat(usage.get("reserved").asLong()).isEqualTo(quota);
    assertThat(usage.get("bytes").asLong()).isZero();
  }

  private static Api.Answer create(Api api, String token, long length) {
    return api.post("/api/uploads/")
        .token(token)
        .header("Tus-Resumable", "1.0.0")
        .header("Upload-Length", Long.toString(length))
        .header("Upload-Metadata", "filename YS5wZGY=")
        .send();
  }
}
