package dev.fileshare.sharing;

import static dev.fileshare.sharing.LinkCalls.downloads;
import static dev.fileshare.sharing.LinkCalls.link;
import static dev.fileshare.sharing.LinkCalls.tokenOf;
import static dev.fileshare.sharing.LinkCalls.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestUsers;
import dev.fileshare.support.Api;
import dev.fileshare.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A download limit holds exactly when many people download at the same moment. */
class LinkConcurrencyIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;

  @Test
  void twentySimultaneousDownloadsOfALinkLimitedToFiveGiveExactlyFive() throws Exception {
    var owner = TestUsers.verified(api, jdbc);
    var file = upload(api, owner.token(), "popular.pdf", "private");
    var json = link(api, owner.token(), file, Map.of("max_downloads", 5));
    var statuses = simultaneousDownloads(List.of(api), tokenOf(json), 20);
    assertThat(statuses).filteredOn(s -> s == 200).hasSize(5);
    assertThat(statuses).filteredOn(s -> s == 410).hasSize(15);
    assertThat(downloads(api, owner.token(), json.get("id").asLong())).isEqualTo(5);
  }

  /** Starts {@code count} downloads at once, spread over the servers; answers their statuses. */
  static List<Integer> simultaneousDownloads(List<Api> servers, String token, int count)
      throws Exception {
    var pool = Executors.newFixedThreadPool(count);
    try {
      var start = new CountDownLatch(1);
      var answers = new ArrayList<Future<Integer>>();
      for (var i = 0; i < count; i++) {
        var server = servers.get(i % servers.size());
        var visitor = "Visitor/" + i;
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return server
                      .get("/api/s/" + token + "/download/")
                      .header("User-Agent", visitor)
                      .send()
                      .status();
                }));
      }
      start.countDown();
      var statuses = new ArrayList<Integer>();
      for (var answer : answers) {
        statuses.add(answer.get());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }
}
