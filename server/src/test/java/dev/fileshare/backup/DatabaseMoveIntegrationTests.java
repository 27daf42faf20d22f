package dev.fileshare.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.FileShareApplication;
import dev.fileshare.support.Mailbox;
import dev.fileshare.support.Node;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.TestPeers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code migrate-database}, as an operator runs it: an installation in use ({@link Installation})
 * and a mail not yet sent, moved from the database this run of the suite uses to the other kind
 * (SQLite to PostgreSQL, PostgreSQL to SQLite), serves all of it from there under the old tokens,
 * sends the mail once, and numbers new rows after the old ones.
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
    var carol = SignUp.newName("carol");
    Installation installation;
    try (var node = Node.start(settings(source))) {
      installation = Installation.populate(node.api());
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
      installation.assertServedBy(api);
      var mail = Mailbox.await(SignUp.email(carol), 1);
      assertThat(mail).isNotNull();
      Awaitility.await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(5))
          .until(() -> Mailbox.all(SignUp.email(carol)).size() == 1);
      SignUp.verify(api, carol);
    }
  }

  /**
   * A run that fails halfway (here: the target refuses one file, after the users and before the
   * rest) keeps nothing, and the next run, once the cause is gone, moves everything.
   */
  @Test
  void aRunThatFailsHalfwayKeepsNothingAndTheNextOneMovesEverything() throws Exception {
    Installation installation;
    try (var node = Node.start(settings(source))) {
      installation = Installation.populate(node.api());
    }
    var targetIsSqlite = targetUrl.startsWith("jdbc:sqlite:");
    Flyway.configure()
        .dataSource(targetUrl, "postgres", "postgres")
        .locations("classpath:db/migration/" + (targetIsSqlite ? "sqlite" : "postgresql"))
        .placeholders(Map.of("storage_type", "local"))
        .load()
        .migrate();
    // the move turns PostgreSQL's own triggers off, not its constraints; SQLite has no such ALTER
    execute(
        targetIsSqlite
            ? "CREATE TRIGGER refuse BEFORE INSERT ON files WHEN NEW.name = 'searched.pdf'"
                + " BEGIN SELECT RAISE(ABORT, 'refused'); END"
            : "ALTER TABLE files ADD CONSTRAINT refuse CHECK (name <> 'searched.pdf')");

    assertThat(move()).as("failed halfway").isEqualTo(1);
    assertThat(count("users")).as("users, copied before the files, are not kept").isZero();

    execute(targetIsSqlite ? "DROP TRIGGER refuse" : "ALTER TABLE files DROP CONSTRAINT refuse");
    assertThat(move()).isZero();
    try (var node = Node.start(settings(target))) {
      installation.assertServedBy(node.api());
    }
  }

  private void execute(String sql) throws Exception {
    try (var connection = DriverManager.getConnection(targetUrl, "postgres", "postgres");
        var statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private long count(String table) throws Exception {
    try (var connection = DriverManager.getConnection(targetUrl, "postgres", "postgres");
        var statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
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
}
