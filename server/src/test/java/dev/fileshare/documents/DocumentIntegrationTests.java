package dev.fileshare.documents;

import static dev.fileshare.documents.DocumentCalls.WAIT;
import static dev.fileshare.documents.DocumentCalls.awaitText;
import static dev.fileshare.documents.DocumentCalls.document;
import static dev.fileshare.documents.DocumentCalls.pages;
import static dev.fileshare.documents.DocumentCalls.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fileshare.files.TestUsers;
import dev.fileshare.platform.DatabaseKind;
import dev.fileshare.storage.BlobStoreRegistry;
import dev.fileshare.support.ApiTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * What the background job reads from uploaded documents, as the file's JSON shows it: the facts,
 * the state of the text, and the text itself where search finds it; retries, failure, replace and
 * removal for good.
 */
@TestPropertySource(properties = DocumentIntegrationTests.SETTINGS)
class DocumentIntegrationTests extends ApiTest {

  /** Short retries; a timeout that a very long document runs into. */
  static final String SETTINGS =
      """
      fileshare.documents.retry-delay=200ms
      fileshare.documents.max-attempts=3
      fileshare.documents.poll-interval=100ms
      fileshare.documents.timeout=3s
      fileshare.documents.max-pages=100000
      """;

  @Autowired JdbcClient jdbc;
  @Autowired DatabaseKind database;
  @Autowired BlobStoreRegistry blobs;
  @Autowired DocumentRows queue;
  TestUsers.User alice;

  @BeforeEach
  void signIn() {
    alice = TestUsers.verified(api, jdbc);
  }

  @Test
  void aPdfWithTextIsIndexedPageByPageWithItsFacts() {
    var pdf =
        DocumentPdfs.withText(
            "Quarterly report",
            "Ada Lovelace",
            List.of("alpha apples " + alice.username(), "beta bananas", "gamma grapes"));
    var id = upload(api, alice.token(), "report.pdf", pdf);
    assertThat(document(api, alice.token(), id).get("text").asString()).isIn("pending", "indexed");

    var document = awaitText(api, alice.token(), id, "indexed");
    assertThat(document.get("pages").asInt()).isEqualTo(3);
    assertThat(document.get("title").asString()).isEqualTo("Quarterly report");
    assertThat(document.get("author").asString()).isEqualTo("Ada Lovelace");
    assertThat(document.get("subject").asString()).isEqualTo("Test subject");
    assertThat(document.get("keywords").asString()).isEqualTo("one, two");
    assertThat(document.get("creator").asString()).isEqualTo("Writer");
    assertThat(document.get("producer").asString()).isEqualTo("PDFBox");
    assertThat(document.get("created").asString()).isEqualTo(DocumentPdfs.CREATED);
    assertThat(document.get("modified").isNull()).isTrue();
    assertThat(document.get("pdf_version").asString()).matches("1\\.\\d");
    assertThat(document.get("encrypted").asBoolean()).isFalse();
    assertThat(document.get("forms").asBoolean()).isFalse();
    assertThat(document.get("signatures").asBoolean()).isFalse();
    assertThat(document.get("attachments").asBoolean()).isFalse();
    assertThat(document.get("active_content").size()).isZero();
    assertThat(document.get("flagged").asBoolean()).isFalse();

    var pages = pages(jdbc, database, id);
    assertThat(pages).hasSize(3);
    assertThat(pages.get(0)).contains("alpha apples " + alice.username());
    assertThat(pages.get(1)).contains("beta bananas").doesNotContain("alpha");
    assertThat(pages.get(2)).contains("gamma grapes");
  }

  @Test
  void aDocumentThatIsOnlyAPictureHasNoText() {
    var id = upload(api, alice.token(), "scan.pdf", DocumentPdfs.scanned(alice.hashCode()));
    var document = awaitText(api, alice.token(), id, "none");
    assertThat(document.get("pages").asInt()).isEqualTo(1);
    assertThat(pages(jdbc, database, id)).isEmpty();
  }

  @Test
  void javaScriptThatRunsOnOpeningIsActiveContentAndFlagged() {
    var id =
        upload(api, alice.token(), "script.pdf", DocumentPdfs.withJavaScript(alice.username()));
    var document = awaitText(api, alice.token(), id, "indexed");
    var found = document.get("active_content").valueStream().map(n -> n.asString()).toList();
    assertThat(found).contains("javascript", "auto_action");
    assertThat(document.get("flagged").asBoolean()).isTrue();
  }

  @Test
  void replacedContentIsReadAgainAndTheOldTextLeavesTheIndex() {
    var old = DocumentPdfs.withText("Old", "A", List.of("obsolete " + alice.username()));
    var id = upload(api, alice.token(), "a.pdf", old);
    awaitText(api, alice.token(), id, "indexed");

    var fresh = DocumentPdfs.withText("New", "B", List.of("current " + alice.username(), "second"));
    DocumentCalls.replace(api, alice.token(), id, fresh);
    await()
        .atMost(WAIT)
        .until(() -> "New".equals(document(api, alice.token(), id).get("title").asString()));
    var document = awaitText(api, alice.token(), id, "indexed");
    assertThat(document.get("pages").asInt()).isEqualTo(2);
    var pages = pages(jdbc, database, id);
    assertThat(pages).hasSize(2);
    assertThat(String.join(" ", pages)).contains("current").doesNotContain("obsolete");
  }

  @Test
  void aFileRemovedForGoodLeavesTheIndex() {
    var pdf = DocumentPdfs.withText("Gone", "A", List.of("ephemeral " + alice.username()));
    var id = upload(api, alice.token(), "gone.pdf", pdf);
    awaitText(api, alice.token(), id, "indexed");
    assertThat(pages(jdbc, database, id)).hasSize(1);

    assertThat(api.call("DELETE", "/api/files/" + id + "/").token(alice.token()).send().status())
        .isEqualTo(204);
    assertThat(api.call("DELETE", "/api/trash/" + id + "/").token(alice.token()).send().status())
        .isEqualTo(204);
    assertThat(pages(jdbc, database, id)).isEmpty();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM documents WHERE file_id = ?").param(id))
        .extracting(sql -> sql.query(Long.class).single())
        .isEqualTo(0L);
  }

  @Test
  void aDocumentThatCannotBeReadIsTriedAgainThenFailedWithoutHoldingUpOthers() throws Exception {
    var pdf = DocumentPdfs.withText("Lost", "A", List.of("lost " + alice.username()));
    var lost = upload(api, alice.token(), "lost.pdf", pdf);
    awaitText(api, alice.token(), lost, "indexed");
    var row =
        jdbc.sql("SELECT store, blob_key, sha256 FROM files WHERE id = ?")
            .param(lost)
            .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
            .single();
    // its stored copy is lost, and then it is read again (as the reindex command would)
    blobs.get(row.get(0)).delete(row.get(1));
    queue.pending(lost, row.get(2), clock.instant());
    var other =
        upload(api, alice.token(), "other.pdf", DocumentPdfs.withText("Fine", "A", List.of("ok")));

    awaitText(api, alice.token(), other, "indexed");
    awaitText(api, alice.token(), lost, "failed");
    assertThat(attempts(lost)).isEqualTo(3);
  }

  @Test
  void aDocumentThatTakesTooLongIsStoppedAndFailedWithoutHoldingUpOthers() {
    var slow =
        upload(api, alice.token(), "long.pdf", DocumentPdfs.manyPages(alice.username(), 40_000));
    var other =
        upload(api, alice.token(), "short.pdf", DocumentPdfs.withText("S", "A", List.of("short")));

    awaitText(api, alice.token(), other, "indexed");
    awaitText(api, alice.token(), slow, "failed");
    assertThat(attempts(slow)).isEqualTo(3);
    assertThat(
            jdbc.sql("SELECT error FROM documents WHERE file_id = ?")
                .param(slow)
                .query(String.class)
                .single())
        .isEqualTo("not read within PT3S");
    assertThat(pages(jdbc, database, slow)).isEmpty();
  }

  @Test
  void theApiDocumentDescribesTheDocumentMemberOfAFile() {
    var schemas = api.get("/api/schema").send().json().get("components").get("schemas");
    var member = schemas.get("FileAnswer").get("properties").get("document");
    assertThat(member.get("$ref").asString()).isEqualTo("#/components/schemas/Document");
    var document = schemas.get("Document").get("properties");
    for (var name :
        new String[] {
          "text",
          "pages",
          "title",
          "author",
          "subject",
          "keywords",
          "creator",
          "producer",
          "created",
          "modified",
          "pdf_version",
          "encrypted",
          "forms",
          "signatures",
          "attachments",
          "active_content",
          "flagged"
        }) {
      assertThat(document.has(name)).as(name).isTrue();
    }
    var states = document.get("text").get("enum").valueStream().map(n -> n.asString()).toList();
    assertThat(states).containsExactly("pending", "indexed", "none", "failed");
  }

  private long attempts(long id) {
    return jdbc.sql("SELECT attempts FROM documents WHERE file_id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }
}
