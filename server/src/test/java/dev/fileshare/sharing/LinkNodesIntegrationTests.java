package dev.fileshare.sharing;

import static dev.fileshare.sharing.LinkCalls.downloads;
import static dev.fileshare.sharing.LinkCalls.link;
import static dev.fileshare.sharing.LinkCalls.tokenOf;
import static dev.fileshare.sharing.LinkCalls.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Node;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.TwoNodes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two server nodes share one PostgreSQL database and one S3 bucket, as behind a load balancer: a
 * link's download limit holds across both. Runs on PostgreSQL only (SQLite is one node's database).
 */
class LinkNodesIntegrationTests {

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
  void twentyDownloadsAtBothNodesOfALinkLimitedToFiveGiveExactlyFive() throws Exception {
    var name = SignUp.newName("linknodes");
    var token = SignUp.verifiedUser(one.api(), name);
    var file = upload(one.api(), token, "both-nodes.pdf", "private");
    var json = link(one.api(), token, file, Map.of("max_downloads", 5));

    var statuses =
        LinkConcurrencyIntegrationTests.simultaneousDownloads(
            List.of(one.api(), two.api()), tokenOf(json), 20);
    assertThat(statuses).filteredOn(s -> s == 200).hasSize(5);
    assertThat(statuses).filteredOn(s -> s == 410).hasSize(15);
    assertThat(downloads(two.api(), token, json.get("id").asLong())).isEqualTo(5);
  }

  @Test
  void aCodeAskedAtOneNodeIsGivenAtTheOtherAndTheAccessWorksAtBoth() {
    var token = SignUp.verifiedUser(one.api(), SignUp.newName("codenodes"));
    var file = upload(one.api(), token, "code-nodes.pdf", "private");
    var link =
        tokenOf(link(one.api(), token, file, Map.of("recipients", List.of("*@nodes.example"))));
    var address = CodeCalls.newAddress("nodes.example");

    assertThat(CodeCalls.ask(one.api(), link, address).status()).isEqualTo(202);
    var code = CodeCalls.mailedCode(address, 1);
    var wrong = CodeCalls.verify(two.api(), link, address, CodeCalls.other(code));
    assertThat(wrong.json().get("tries_left").asInt()).isEqualTo(4);
    var right = CodeCalls.verify(two.api(), link, address, code);
    assertThat(right.status()).as(right.toString()).isEqualTo(200);
    assertThat(CodeCalls.verify(one.api(), link, address, code).json().get("error").asString())
        .isEqualTo("code_used");
    var access = right.json().get("access").asString();
    for (var node : List.of(one, two)) {
      var download =
          node.api().get("/api/s/" + link + "/download/").header("Link-Access", access).send();
      assertThat(download.status()).isEqualTo(200);
    }
  }
}
