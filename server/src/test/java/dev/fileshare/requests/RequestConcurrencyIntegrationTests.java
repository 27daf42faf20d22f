package dev.fileshare.requests;

import static dev.fileshare.requests.RequestCalls.filesOf;
import static dev.fileshare.requests.RequestCalls.request;
import static dev.fileshare.requests.RequestCalls.send;
import static dev.fileshare.requests.RequestCalls.tokenOf;
import static dev.fileshare.requests.RequestCalls.visit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.files.TestUsers;
import dev.fileshare.storage.BlobStore;
import dev.fileshare.support.StoredBlobs;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A request's file limit holds exactly when many strangers send at the same moment. */
class RequestConcurrencyIntegrationTests extends RequestTest {

  @Autowired JdbcClient jdbc;
  @Autowired BlobStore blobs;

  @Test
  void tenUploadersRacingForTheLastSlotGiveExactlyOneFile() throws Exception {
    var owner = TestUsers.verified(api, jdbc);
    var json = request(api, owner.token(), Map.of("title", "Last one", "max_files", 2));
    var token = tokenOf(json);
    assertThat(send(api, token, visit(api, token), "first.pdf", TestPdfs.pdf("first")).status())
        .isEqualTo(201);
    var visits = new ArrayList<String>();
    for (var i = 0; i < 10; i++) {
      visits.add(visit(api, token));
    }
    var pool = Executors.newFixedThreadPool(10);
    var statuses = new ArrayList<Integer>();
    try {
      var start = new CountDownLatch(1);
      var answers = new ArrayList<Future<Integer>>();
      for (var i = 0; i < 10; i++) {
        var visit = visits.get(i);
        var pdf = TestPdfs.pdf("racer " + i, 20);
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return send(api, token, visit, "racer.pdf", pdf).status();
                }));
      }
      start.countDown();
      for (var answer : answers) {
        statuses.add(answer.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(9);
    assertThat(filesOf(api, owner.token(), json.get("id").asLong())).hasSize(2);
    assertThat(
            RequestCalls.get(api, owner.token(), json.get("id").asLong())
                .get("file_count")
                .asLong())
        .isEqualTo(2);
    StoredBlobs.assertNoBlobLeft(blobs, jdbc);
  }
}
