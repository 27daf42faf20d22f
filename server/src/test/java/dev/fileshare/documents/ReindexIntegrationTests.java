package dev.fileshare.documents;

import static dev.fileshare.documents.DocumentCalls.document;
import static dev.fileshare.documents.DocumentCalls.pages;
import static dev.fileshare.documents.DocumentCalls.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestUsers;
import dev.fileshare.platform.DatabaseKind;
import dev.fileshare.storage.BlobStoreRegistry;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.Commands;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code reindex}, run as an operator runs it beside a server whose own workers are off here: it
 * reads every file's document in the foreground, those uploaded before the server kept documents
 * too, and says with its exit code whether every one could be read.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "fileshare.documents.workers=0")
class ReindexIntegrationTests extends ApiTest {

  @Autowired Environment environment;
  @Autowired JdbcClient jdbc;
  @Autowired DatabaseKind database;
  @Autowired PageRows pageRows;
  @Autowired BlobStoreRegistry blobs;
  TestUsers.User alice;

  @BeforeEach
  void signIn() {
    alice = TestUsers.verified(api, jdbc);
  }

  @Test
  void readsEveryDocumentIncludingThoseStoredBeforeTheUpgrade(CapturedOutput output) {
    var pdf = DocumentPdfs.withText("Before", "A", List.of("ancient " + alice.username(), "two"));
    var id = upload(api, alice.token(), "old.pdf", pdf);
    var scan = upload(api, alice.token(), "scan.pdf", DocumentPdfs.scanned(7));
    assertThat(document(api, alice.token(), id).get("text").asString()).isEqualTo("pending");

    // as before the upgrade: no documents row, no pages
    for (var file : List.of(id, scan)) {
      jdbc.sql("DELETE FROM documents WHERE file_id = ?").param(file).update();
      pageRows.clear(file);
    }
    assertThat(document(api, alice.token(), id)).isNull();

    assertThat(run("reindex")).isZero();
    var document = document(api, alice.token(), id);
    assertThat(document.get("text").asString()).isEqualTo("indexed");
    assertThat(document.get("title").asString()).isEqualTo("Before");
    assertThat(pages(jdbc, database, id)).hasSize(2).first().asString().contains("ancient");
    assertThat(document(api, alice.token(), scan).get("text").asString()).isEqualTo("none");
    assertThat(output.getOut()).contains("Reading ").contains(" documents again");

    // run again: the text is read afresh, not added twice
    assertThat(run("reindex")).isZero();
    assertThat(pages(jdbc, database, id)).hasSize(2);
  }

  @Test
  void aDocumentThatCannotBeReadEndsTheCommandWithOne(CapturedOutput output) throws Exception {
    var pdf = DocumentPdfs.withText("Broken", "A", List.of("broken " + alice.username()));
    var id = upload(api, alice.token(), "broken.pdf", pdf);
    var row =
        jdbc.sql("SELECT store, blob_key FROM files WHERE id = ?")
            .param(id)
            .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
            .single();
    blobs.get(row.get(0)).delete(row.get(1));

    assertThat(run("reindex")).isEqualTo(1);
    assertThat(document(api, alice.token(), id).get("text").asString()).isEqualTo("failed");
    assertThat(output.getOut()).contains("Gave up reading file " + id);

    // the file gets good content again, so that the other tests here see every document read
    DocumentCalls.replace(
        api, alice.token(), id, DocumentPdfs.withText("Fixed", "A", List.of("fixed")));
    assertThat(run("reindex", "now")).isEqualTo(2);
  }

  private int run(String... words) {
    return Commands.run(environment, words);
  }
}
