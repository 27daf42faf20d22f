package dev.fileshare.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConnection;

/**
 * The pool's SQLite connections end a transaction without taking the write lock again, and a
 * transaction that could not begin leaves the connection as it was, or closed when it holds an old
 * read of the database.
 */
class SqliteConnectionTests {

  @TempDir Path directory;
  private String url;
  private HikariDataSource pool;

  @BeforeEach
  void openPool() throws SQLException {
    // a writer that finds the lock taken gives up after 100 ms instead of the server's 10 s
    url =
        "jdbc:sqlite:"
            + directory.resolve("transactions.db")
            + "?journal_mode=WAL&busy_timeout=100&transaction_mode=IMMEDIATE";
    pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    pool.setMaximumPoolSize(2);
    new SqliteStatementCache().postProcessBeforeInitialization(pool, "dataSource");
    try (var connection = pool.getConnection();
        var create = connection.createStatement()) {
      create.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
    }
  }

  @AfterEach
  void closePool() {
    pool.close();
  }

  @Test
  void aCommittedConnectionLeavesTheWriteLockToTheOthers() throws SQLException {
    try (var first = pool.getConnection();
        var second = pool.getConnection()) {
      first.setAutoCommit(false);
      insert(first, "committed");
      first.commit();

      second.setAutoCommit(false);
      insert(second, "by the other connection");
      second.commit();
      second.setAutoCommit(true);

      insert(first, "after the commit");
      first.rollback();
      first.setAutoCommit(true);
      assertThat(bodies(first))
          .as("what followed the commit was still in a transaction, and rolled back")
          .containsExactly("committed", "by the other connection");
    }
  }

  @Test
  void aRolledBackConnectionLeavesTheWriteLockToTheOthers() throws SQLException {
    try (var first = pool.getConnection();
        var second = pool.getConnection()) {
      first.setAutoCommit(false);
      insert(first, "rolled back");
      first.rollback();

      second.setAutoCommit(false);
      insert(second, "by the other connection");
      second.commit();
      second.setAutoCommit(true);
      first.setAutoCommit(true);
      assertThat(bodies(first)).containsExactly("by the other connection");
    }
  }

  @Test
  void aTransactionThatCouldNotBeginLeavesTheConnectionInAutoCommit() throws SQLException {
    try (var first = pool.getConnection();
        var second = pool.getConnection()) {
      second.setAutoCommit(false);
      insert(second, "holding the lock");
      assertThatThrownBy(() -> first.setAutoCommit(false)).isInstanceOf(SQLException.class);
      assertThat(first.getAutoCommit()).isTrue();
      second.commit();
      second.setAutoCommit(true);

      first.setAutoCommit(false);
      insert(first, "in a transaction after all");
      first.rollback();
      first.setAutoCommit(true);
      assertThat(bodies(first)).containsExactly("holding the lock");
    }
  }

  @Test
  void aConnectionThatHoldsAnOldReadIsClosedByThePool() throws SQLException {
    pool.setMaximumPoolSize(1);
    Object physical;
    try (var connection = pool.getConnection()) {
      insert(connection, "before");
      var driver = connection.unwrap(SQLiteConnection.class);
      physical = driver;
      // a statement left running, as a driver's own statement may be: it keeps its read open
      var running = driver.createStatement().executeQuery("SELECT body FROM notes");
      assertThat(running.next()).isTrue();
    }
    try (var other = DriverManager.getConnection(url)) {
      insert(other, "after");
    }

    try (var stale = pool.getConnection()) {
      assertThat(stale.unwrap(SQLiteConnection.class)).isSameAs(physical);
      assertThatThrownBy(() -> stale.setAutoCommit(false))
          .isInstanceOfSatisfying(
              SQLException.class,
              e -> {
                assertThat(e.getSQLState()).isEqualTo(SqliteConnection.BROKEN);
                assertThat(e.getMessage())
                    .as("the log says whether a statement the server prepared was left running")
                    .contains("None of the statements it keeps is in use.");
              });
      assertThat(stale.isClosed()).as("the pool took the connection back").isTrue();
    }
    try (var fresh = pool.getConnection()) {
      assertThat(fresh.unwrap(SQLiteConnection.class))
          .as("the pool closed the connection and opened another")
          .isNotSameAs(physical);
      fresh.setAutoCommit(false);
      assertThat(bodies(fresh)).containsExactly("before", "after");
      fresh.commit();
      fresh.setAutoCommit(true);
    }
  }

  @Test
  void theStatementsLentOutAreNamedForTheLog() throws SQLException {
    try (var connection = SqliteStatementCache.withCache(DriverManager.getConnection(url))) {
      var kept = (SqliteConnection) connection;
      try (var statement = connection.prepareStatement("SELECT body FROM notes")) {
        assertThat(kept.statementsInUse()).contains("SELECT body FROM notes");
      }
      assertThat(kept.statementsInUse()).isEqualTo("None of the statements it keeps is in use.");
    }
  }

  private static void insert(Connection connection, String body) throws SQLException {
    try (var statement = connection.prepareStatement("INSERT INTO notes (body) VALUES (?)")) {
      statement.setString(1, body);
      statement.executeUpdate();
    }
  }

  private static java.util.List<String> bodies(Connection connection) throws SQLException {
    var bodies = new java.util.ArrayList<String>();
    try (var statement = connection.prepareStatement("SELECT body FROM notes ORDER BY id");
        var rows = statement.executeQuery()) {
      while (rows.next()) {
        bodies.add(rows.getString(1));
      }
    }
    return bodies;
  }
}
