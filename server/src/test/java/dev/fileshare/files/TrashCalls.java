package dev.fileshare.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.TestEnvironment;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The calls the trash tests make, and what they read of the database. */
public final class TrashCalls {

  private TrashCalls() {}

  /** Moves the file to the trash; fails the test unless that answered 204. */
  public static void trash(Api api, String token, long id) {
    var answer = api.call("DELETE", "/api/files/" + id + "/").token(token).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(204);
  }

  /** The first page of the caller's trash. */
  public static JsonNode list(Api api, String token) {
    var answer = api.get("/api/trash/").token(token).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json();
  }

  public static Api.Answer restore(Api api, String token, long id) {
    return api.post("/api/trash/" + id + "/restore/").token(token).send();
  }

  public static Api.Answer purge(Api api, String token, long id) {
    return api.call("DELETE", "/api/trash/" + id + "/").token(token).send();
  }

  public static Api.Answer empty(Api api, String token) {
    return api.call("DELETE", "/api/trash/").token(token).send();
  }

  /** The ids of the files in a list's JSON array, in order. */
  public static List<Long> ids(JsonNode files) {
    return files.values().stream().map(file -> file.get("id").asLong()).toList();
  }

  /** The path and query of a {@code Link: <...>; rel="next"} header, to call on the test server. */
  public static String next(Api.Answer answer) {
    var link = answer.header("Link");
    assertThat(link).as("Link header").isNotNull().endsWith(">; rel=\"next\"");
    return link.substring(1, link.indexOf('>')).replace(TestEnvironment.PUBLIC_URL, "");
  }

  /** The bytes counted in the user's storage usage (0 before anything was counted). */
  public static long storedBytes(JdbcClient jdbc, String username) {
    return jdbc.sql(
            "SELECT COALESCE(SUM(s.bytes), 0) FROM storage_usage s"
                + " JOIN users u ON u.id = s.user_id WHERE u.username_key = ?")
        .param(username.toLowerCase(Locale.ROOT))
        .query(Long.class)
        .single();
  }

  /** The key of the blob that the file's row names, in the trash too. */
  public static String blobKey(JdbcClient jdbc, long id) {
    return jdbc.sql("SELECT blob_key FROM files WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  /** Whether the file's row is still there, in the trash or not. */
  public static boolean rowExists(JdbcClient jdbc, long id) {
    return jdbc.sql("SELECT COUNT(*) FROM files WHERE id = ?").param(id).query(Long.class).single()
        > 0;
  }

  /** The blobs of the file's versions (none where replacing keeps no versions). */
  public static List<String> versionKeys(JdbcClient jdbc, long id) {
    return jdbc.sql("SELECT blob_key FROM file_versions WHERE file_id = ?")
        .param(id)
        .query(String.class)
        .list();
  }

  /** The bytes of the file's versions. */
  public static long versionBytes(JdbcClient jdbc, long id) {
    return jdbc.sql("SELECT COALESCE(SUM(size), 0) FROM file_versions WHERE file_id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }
}
