package dev.fileshare.requests;

import static dev.fileshare.requests.RequestCalls.ask;
import static dev.fileshare.requests.RequestCalls.filesOf;
import static dev.fileshare.requests.RequestCalls.mailedCode;
import static dev.fileshare.requests.RequestCalls.request;
import static dev.fileshare.requests.RequestCalls.send;
import static dev.fileshare.requests.RequestCalls.tokenOf;
import static dev.fileshare.requests.RequestCalls.verify;
import static dev.fileshare.requests.RequestCalls.visit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.support.Api;
import dev.fileshare.support.Node;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.TwoNodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two server nodes share one PostgreSQL database and one S3 bucket, as behind a load balancer: a
 * request's file limit holds across both, and a visit and its proved address work at either. Runs
 * on PostgreSQL only (SQLite is one node's database).
 */
class RequestNodesIntegrationTests {

  static Node one;
  static Node two;

  @RegisterExtension
  static final TwoNodes nodes =
      new TwoNodes(
          Map.of(
              "fileshare.requests.uploads-per-address", "100000/1m",
              "fileshare.requests.visits-per-address", "100000/1m"),
          (first, second) -> {
            one = first;
            two = second;
          });

  @Test
  void tenUploadersAtBothNodesRacingForTheLastSlotGiveExactlyOneFile() throws Exception {
    var owner = SignUp.verifiedUser(one.api(), SignUp.newName("requestnodes"));
    var json = request(one.api(), owner, Map.of("title", "Last one", "max_files", 2));
    var token = tokenOf(json);
    var first = send(two.api(), token, visit(two.api(), token), "first.pdf", TestPdfs.pdf("1"));
    assertThat(first.status()).isEqualTo(201);

    var nodes = List.of(one.api(), two.api());
    var racers = new ArrayList<Api>();
    var visits = new ArrayList<String>();
    for (var i = 0; i < 10; i++) {
      // each visit starts at one node and sends at the other
      visits.add(visit(nodes.get(i % 2), token));
      racers.add(nodes.get((i + 1) % 2));
    }
    var pool = Executors.newFixedThreadPool(10);
    var statuses = new ArrayList<Integer>();
    try {
      var start = new CountDownLatch(1);
      var answers = new ArrayList<Future<Integer>>();
      for (var i = 0; i < 10; i++) {
        var api = racers.get(i);
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
    var id = json.get("id").asLong();
    assertThat(filesOf(one.api(), owner, id)).hasSize(2);
    assertThat(RequestCalls.get(two.api(), owner, id).get("file_count").asLong()).isEqualTo(2);
  }

  @Test
  void anAddressProvedAtOneNodeLetsTheVisitSendAtTheOther() {
    var owner = SignUp.verifiedUser(one.api(), SignUp.newName("codenodes"));
    var json =
        request(
            one.api(),
            owner,
            Map.of("title", "Named", "recipients", List.of("*@request-nodes.example")));
    var token = tokenOf(json);
    var address = SignUp.newName("uploader") + "@request-nodes.example";
    var visit = visit(one.api(), token);

    assertThat(ask(two.api(), token, visit, address).status()).isEqualTo(202);
    var proved = verify(one.api(), token, visit, address, mailedCode(address, 1));
    assertThat(proved.status()).as(proved.toString()).isEqualTo(200);
    var sent = send(two.api(), token, visit, "named.pdf", TestPdfs.pdf("named"));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    var uploads = two.api().get("/api/requests/" + json.get("id").asLong() + "/uploads/");
    assertThat(uploads.token(owner).send().json().get(0).get("uploader_email").asString())
        .isEqualTo(address);
  }
}
