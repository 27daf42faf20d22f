package dev.fileshare.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fileshare.files.Multipart;
import dev.fileshare.platform.DatabaseKind;
import dev.fileshare.support.Api;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The calls the documents tests make, and what they look at in the database. */
final class DocumentCalls {

  /** Long enough for a busy machine with two cores to read a few documents. */
  static final Duration WAIT = Duration.ofSeconds(60);

  private DocumentCalls() {}

  /** Uploads a PDF and answers its id; fails the test unless it was created. */
  static long upload(Api api, String token, String filename, byte[] content) {
    var form = new Multipart().pdf(filename, content);
    var answer = api.post("/api/files/").token(token).body(form.contentType(), form.bytes()).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json().get("id").asLong();
  }

  static void replace(Api api, String token, long id, byte[] content) {
    var form = new Multipart().pdf("replaced.pdf", content);
    var answer =
        api.call("PUT", "/api/files/" + id + "/")
            .token(token)
            .body(form.contentType(), form.bytes())
            .send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
  }

  /** The file's {@code document} member as the API answers it now. */
  static JsonNode document(Api api, String token, long id) {
    var answer = api.get("/api/files/" + id + "/").token(token).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json().get("document");
  }

  /** Waits until the file's text is in this state, and answers its {@code document} then. */
  static JsonNode awaitText(Api api, String token, long id, String state) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> state.equals(document(api, token, id).get("text").asString()));
    return document(api, token, id);
  }

  /** The text of each indexed page of the file, in page order. */
  static List<String> pages(JdbcClient jdbc, DatabaseKind database, long id) {
    var sql =
        switch (database) {
          case SQLITE ->
              "SELECT body FROM document_pages WHERE rowid BETWEEN ? AND ? ORDER BY rowid";
          case POSTGRESQL ->
              "SELECT body FROM document_pages WHERE file_id * 1048576 + page BETWEEN ? AND ?"
                  + " ORDER BY page";
        };
    return jdbc.sql(sql)
        .params(PageRows.rowid(id, 0), PageRows.rowid(id, PageRows.MAX_PAGE))
        .query(String.class)
        .list();
  }
}
