package dev.fileshare.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.storage.BlobStore;
import dev.fileshare.support.Api;
import dev.fileshare.support.IntegrationTest;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Sixteen uploads at once: every one is stored intact, under its own id. */
@IntegrationTest
class ConcurrentUploadIntegrationTests {

  static final int UPLOADS = 16;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired BlobStore blobs;

  @Test
  void sixteenConcurrentUploadsAreIntact() throws Exception {
    var api = new Api(port);
    var alice = TestUsers.verified(api, jdbc);
    var tag = "C" + UUID.randomUUID().toString().substring(0, 8);
    var contents = new ArrayList<byte[]>();
    for (var i = 0; i < UPLOADS; i++) {
      contents.add(TestPdfs.pdf(tag + " upload " + i, 5 + i));
    }
    var start = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(UPLOADS);
    var answers = new ArrayList<Future<Api.Answer>>();
    try {
      for (var i = 0; i < UPLOADS; i++) {
        var index = i;
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return FileCalls.upload(
                      api, alice.token(), tag + "-" + index + ".pdf", contents.get(index));
                }));
      }
      start.countDown();
      var ids = new ArrayList<Long>();
      for (var i = 0; i < UPLOADS; i++) {
        var answer = answers.get(i).get(2, TimeUnit.MINUTES);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        JsonNode file = answer.json();
        assertThat(file.get("name").asString()).isEqualTo(tag + "-" + i + ".pdf");
        assertThat(file.get("sha256").asString()).isEqualTo(sha256(contents.get(i)));
        ids.add(file.get("id").asLong());
        var download = api.get("/api/download/" + file.get("id").asLong() + "/");
        assertThat(download.token(alice.token()).send().bytes()).isEqualTo(contents.get(i));
      }
      assertThat(ids).doesNotHaveDuplicates();
      var listed = api.get("/api/files/?search=" + tag).token(alice.token()).send().json();
      assertThat(listed.values()).hasSize(UPLOADS);
      FileCalls.assertStorageMatchesRows(blobs, jdbc);
    } finally {
      pool.shutdownNow();
    }
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
