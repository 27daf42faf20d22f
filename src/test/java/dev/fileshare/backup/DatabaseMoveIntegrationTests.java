package dev.fileshare.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.FileShareApplication;
import dev.fileshare.files.TestPdfs;
import dev.fileshare.support.Api;
import dev.fileshare.support.Mailbox;
import dev.fileshare.support.Node;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.TestPeers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code migrate-database}, as an operator runs it: an installation with users, files, versions,
 * shares, a link, the trash, the text of its documents and a mail not yet sent, moved from the
 * database this run of the suite uses to the other kind (SQLite to PostgreSQL, PostgreSQL to
 * SQLite), serves all of it from there under the old tokens, sends the mail once, and numbers new
 * rows after the old ones.
 */
class DatabaseMoveIntegrationTests {

  private Path dataDir;
  private Map<String, String> source;
  private Map<String, String> target;
  private String targetUrl;

  @BeforeEach
  void databases() throws Exception {
    dataDir = Files.createTempDirectory("fileshare-move-");
    var sqlite =
        "jdbc:sqlite:"
            + Files.createTempDirectory("fileshare-sqlite-").resolve("fileshare.db")
            + "?journal_mode=WAL&synchronous=FULL&busy_timeout=10000&foreign_keys=true"
            + "&transaction_mode=IMMEDIATE";
    var postgres = Node.postgres(TestPeers.newPostgresDatabase());
    var onSqlite = new HashMap<>(Node.postgres(sqlite)); // the credentials go to the other one
    if ("postgres".equals(TestPeers.database())) {
      source = postgres;
      target = onSqlite;
    } else {
      source = onSqlite;
      target = postgres;
    }
    targetUrl = target.get("spring.datasource.url");
  }

  @Test
  void theMovedInstallationServesEverythingAsBefore() throws Exception {
    var word = "quartzite" + System.nanoTime() % 1000;
    var alice = SignUp.newName("alice");
    var bob = SignUp.newName("bob");
    var carol = SignUp.newName("carol");
    String aliceToken;
    var files = new LinkedHashMap<Long, String>();
    long replaced;
    String firstContent;
    long shared;
    long trashed;
    long searched;
    long purged;
    String linkToken;
    try (var node = Node.start(settings(source))) {
      var api = node.api();
      aliceToken = SignUp.verifiedUser(api, alice);
      SignUp.verifiedUser(api, bob);
      for (var i = 0; i < 4; i++) {
        var pdf = TestPdfs.pdf("kept " + i);
        files.put(upload(api, aliceToken, "kept-" + i + ".pdf", pdf), sha256(pdf));
      }
      var ids = new ArrayList<>(files.keySet());
      replaced = ids.get(0);
      firstContent = files.get(replaced);
      var second = TestPdfs.pdf("kept 0, second edition");
      assertThat(
              api.call("PUT", "/api/files/" + replaced + "/?name=kept-0.pdf")
                  .token(aliceToken)
                  .body("application/pdf", second)
                  .send()
                  .status())
          .isEqualTo(200);
      files.put(replaced, sha256(second));
      shared = ids.get(1);
      assertThat(
              api.post("/api/files/" + shared + "/shares/")
                  .token(aliceToken)
                  .json(Map.of("user", bob, "permission", "read"))
                  .send()
                  .status())
          .isEqualTo(201);
      var link =
          api.post("/api/files/" + ids.get(2) + "/links/")
              .token(aliceToken)
              .json(Map.of("password", "open sesame, please"))
              .send();
      assertThat(link.status()).as(link.toString()).isEqualTo(201);
      var url = link.json().get("url").asString();
      linkToken = url.substring(url.lastIndexOf('/') + 1);
      var text = TestPdfs.pdf("the " + word + " report");
      searched = upload(api, aliceToken, "searched.pdf", text);
      files.put(searched, sha256(text));
      trashed = upload(api, aliceToken, "trashed.pdf", TestPdfs.pdf("trashed"));
      assertThat(delete(api, aliceToken, "/api/files/" + trashed + "/")).isEqualTo(204);
      purged = upload(api, aliceToken, "purged.pdf", TestPdfs.pdf("purged"));
      assertThat(delete(api, aliceToken, "/api/files/" + purged + "/")).isEqualTo(204);
      assertThat(delete(api, aliceToken, "/api/trash/" + purged + "/")).isEqualTo(204);
      var token = aliceToken;
      var id = searched;
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> found(api, token, word).contains(id));
    }
    // a mail that cannot be sent yet: the outbox keeps it
    var dead = new HashMap<>(settings(source));
    dead.put("spring.mail.port", Integer.toString(TestPeers.freePort()));
    dead.put("fileshare.mail.retry-initial-delay", "1s");
    try (var node = Node.start(dead)) {
      SignUp.register(node.api(), carol);
      var outbox = node.bean(JdbcClient.class);
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  outbox
                          .sql(
                              "SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND attempts > 0"
                                  + " AND locked_until IS NULL AND sent_at IS NULL")
                          .param(SignUp.email(carol))
                          .query(Long.class)
                          .single()
                      == 1);
    }

    assertThat(move()).isZero();
    assertThat(move()).as("never into a database that holds data").isEqualTo(2);

    try (var node = Node.start(settings(target))) {
      var api = node.api();
      assertThat(api.get("/api/user/me/").token(aliceToken).send().status())
          .as("a token from before the move")
          .isEqualTo(200);
      var listed = api.get("/api/files/?owner=me&limit=50").token(aliceToken).send();
      assertThat(listed.json().get("count").asLong()).isEqualTo(files.size());
      var ids = new ArrayList<Long>();
      listed.json().get("results").forEach(file -> ids.add(file.get("id").asLong()));
      assertThat(ids).containsExactlyInAnyOrderElementsOf(files.keySet());
      for (var file : files.entrySet()) {
        var bytes = api.get("/api/download/" + file.getKey() + "/").token(aliceToken).send();
        assertThat(bytes.status()).isEqualTo(200);
        assertThat(sha256(bytes.bytes())).isEqualTo(file.getValue());
      }
      var version =
          api.get("/api/files/" + replaced + "/versions/1/download/").token(aliceToken).send();
      assertThat(sha256(version.bytes())).as("the replaced content").isEqualTo(firstContent);
      var bobToken = SignUp.login(api, bob, SignUp.PASSWORD);
      assertThat(api.get("/api/download/" + shared + "/").token(bobToken).send().status())
          .as("shared with bob")
          .isEqualTo(200);
      var access =
          api.post("/api/s/" + linkToken + "/unlock/")
              .json(Map.of("password", "open sesame, please"))
              .send();
      assertThat(access.status()).isEqualTo(200);
      var byLink =
          api.get("/api/s/" + linkToken + "/download/")
              .header("Link-Access", access.json().get("access").asString())
              .send();
      assertThat(byLink.status()).isEqualTo(200);
      var trash = api.get("/api/trash/").token(aliceToken).send();
      assertThat(trash.text()).contains("\"id\":" + trashed);
      assertThat(found(api, aliceToken, word)).as("the text of the document").contains(searched);

      var mail = Mailbox.await(SignUp.email(carol), 1);
      assertThat(mail).isNotNull();
      Awaitility.await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(5))
          .until(() -> Mailbox.all(SignUp.email(carol)).size() == 1);
      SignUp.verify(api, carol);

      var later = upload(api, aliceToken, "later.pdf", TestPdfs.pdf("later"));
      assertThat(later).as("numbered after every file given out").isGreaterThan(purged);
    }
  }

  @Test
  void refusesWhatItCannotMoveInto() throws Exception {
    assertThat(run(source, "migrate-database")).as("no target").isEqualTo(2);
    assertThat(run(source, "migrate-database", "--to", "jdbc:mysql://localhost/fileshare"))
        .isEqualTo(2);
    assertThat(run(source, "migrate-database", "--to=" + source.get("spring.datasource.url")))
        .as("the same kind")
        .isEqualTo(2);
  }

  private int move() {
    return run(source, "migrate-database", "--to", targetUrl);
  }

  private int run(Map<String, String> database, String... words) {
    var arguments = new ArrayList<>(List.of(words));
    settings(database).forEach((key, value) -> arguments.add("--" + key + "=" + value));
    arguments.add("--spring.main.banner-mode=off");
    return FileShareApplication.runCommand(arguments.toArray(String[]::new));
  }

  private Map<String, String> settings(Map<String, String> database) {
    var settings = new HashMap<>(database);
    settings.put("fileshare.data-dir", dataDir.toString());
    return settings;
  }

  private static long upload(Api api, String token, String name, byte[] pdf) {
    var answer =
        api.post("/api/files/?name=" + name).token(token).body("application/pdf", pdf).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json().get("id").asLong();
  }

  private static int delete(Api api, String token, String path) {
    return api.call("DELETE", path).token(token).send().status();
  }

  private static List<Long> found(Api api, String token, String word) {
    var ids = new ArrayList<Long>();
    api.get("/api/files/?search=" + word)
        .token(token)
        .send()
        .json()
        .forEach(file -> ids.add(file.get("id").asLong()));
    return ids;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
