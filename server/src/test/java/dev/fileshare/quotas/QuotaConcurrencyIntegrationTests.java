package dev.fileshare.quotas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestUsers;
import dev.fileshare.storage.BlobStore;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.StoredBlobs;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The quota is exact under concurrency: ten uploads at once that together need one file more than
 * the quota leave exactly nine files and the usage at the quota, on SQLite and on PostgreSQL.
 */
class QuotaConcurrencyIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;
  @Autowired BlobStore blobs;
  @Autowired QuotaService quotas;

  @Test
  void tenUploadsAtOnceOneFileOverTheQuotaLeaveNineFiles() throws Exception {
    var alice = TestUsers.verified(api, jdbc);
    var documents = QuotaRace.documents("C" + UUID.randomUUID());
    var size = documents.get(0).length;
    var quota = (long) size * (QuotaRace.RACERS - 1);
    QuotaCalls.setQuota(quotas, QuotaCalls.id(api, alice.token()), quota);

    var statuses =
        QuotaRace.run(
            i -> QuotaCalls.upload(api, alice.token(), "r" + i + ".pdf", documents.get(i)));

    assertThat(statuses).filteredOn(s -> s == 201).hasSize(QuotaRace.RACERS - 1);
    assertThat(statuses).filteredOn(s -> s == 507).hasSize(1);
    var usage = QuotaCalls.usage(api, alice.token());
    assertThat(usage.get("bytes").asLong()).isEqualTo(quota);
    assertThat(usage.get("files").asLong()).isEqualTo(QuotaRace.RACERS - 1);
    var listed = api.get("/api/files/?owner=me").token(alice.token()).send().json();
    assertThat(listed.values()).hasSize(QuotaRace.RACERS - 1);
    StoredBlobs.assertNoBlobLeft(blobs, jdbc);
  }
}
