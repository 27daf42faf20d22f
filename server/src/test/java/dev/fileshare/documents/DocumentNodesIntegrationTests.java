package dev.fileshare.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fileshare.support.Node;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.TwoNodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two nodes on one PostgreSQL database work through one queue: each document is read by one of
 * them, once. A step of this test, added to both nodes, counts the readings. Runs on PostgreSQL
 * only (SQLite is one node's database).
 */
class DocumentNodesIntegrationTests {

  static final int FILES = 24;

  static Node one;
  static Node two;

  @RegisterExtension
  static final TwoNodes nodes =
      new TwoNodes(
          Map.of(
              "spring.main.sources", CountingStep.class.getName(),
              "fileshare.documents.workers", "3",
              "fileshare.documents.poll-interval", "20ms"),
          (first, second) -> {
            one = first;
            two = second;
          });

  @Test
  void eachDocumentIsReadOnceByOneOfTheNodes() {
    var name = SignUp.newName("nodes");
    var token = SignUp.verifiedUser(one.api(), name);
    var ids = new ArrayList<Long>();
    for (var i = 0; i < FILES; i++) {
      var node = i % 2 == 0 ? one : two;
      var pdf = DocumentPdfs.withText("Copy " + i, name, List.of("page of " + name + " " + i));
      ids.add(DocumentCalls.upload(node.api(), token, "n" + i + ".pdf", pdf));
    }

    // a document's text shows as indexed as soon as its text step is done, which may be before
    // the counting step ran: wait for both
    await()
        .atMost(DocumentCalls.WAIT)
        .until(
            () ->
                ids.stream()
                    .allMatch(
                        id ->
                            CountingStep.RUNS.containsKey(id)
                                && "indexed"
                                    .equals(
                                        DocumentCalls.document(two.api(), token, id)
                                            .get("text")
                                            .asString())));
    for (var id : ids) {
      assertThat(CountingStep.RUNS.get(id)).as("readings of file %d", id).hasValue(1);
    }
    assertThat(CountingStep.NODES).as("nodes that read documents").hasSize(2);
  }

  /** A step that counts how often each file was read, and by which node's context. */
  static final class CountingStep implements DocumentStep {

    static final Map<Long, AtomicInteger> RUNS = new ConcurrentHashMap<>();
    static final Map<Object, Boolean> NODES = new ConcurrentHashMap<>();

    @Override
    public void run(long fileId, String sha256, Content content) {
      RUNS.computeIfAbsent(fileId, id -> new AtomicInteger()).incrementAndGet();
      NODES.put(this, true);
    }

    @Override
    public void forget(long fileId) {}
  }
}
