package dev.fileshare.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.commons.dbcp2.DelegatingStatement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool's SQLite connections keep their prepared statements, and a kept statement behaves as a
 * new one would: its parameters are its own, it holds no read transaction (a checkpoint empties the
 * WAL) and leaves nothing running (VACUUM INTO works), and one that failed works again.
 */
class SqliteStatementCacheTests {

  @TempDir Path directory;
  private HikariDataSource pool;

  @BeforeEach
  void openPool() throws SQLException {
    pool = new HikariDataSource();
    pool.setJdbcUrl(
        "jdbc:sqlite:" + directory.resolve("cache.db") + "?journal_mode=WAL&foreign_keys=true");
    pool.setMaximumPoolSize(1);
    new SqliteStatementCache().postProcessBeforeInitialization(pool, "dataSource");
    try (var connection = pool.getConnection();
        var create = connection.createStatement()) {
      create.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL UNIQUE)");
    }
  }

  @AfterEach
  void closePool() {
    pool.close();
  }

  @Test
  void theSameSqlOnTheSameConnectionIsPreparedOnce() throws SQLException {
    Object first;
    Object second;
    try (var connection = pool.getConnection()) {
      try (var statement = connection.prepareStatement("SELECT body FROM notes WHERE id = ?")) {
        first = driverStatement(statement);
      }
      try (var statement = connection.prepareStatement("SELECT body FROM notes WHERE id = ?")) {
        second = driverStatement(statement);
      }
    }
    try (var connection = pool.getConnection();
        var statement = connection.prepareStatement("SELECT body FROM notes WHERE id = ?")) {
      assertThat(driverStatement(statement)).isSameAs(first);
    }
    assertThat(second).isSameAs(first);
  }

  @Test
  void aKeptStatementStartsWithoutTheParametersOfItsLastUse() throws SQLException {
    try (var connection = pool.getConnection()) {
      insert(connection, "first");
      try (var statement =
          connection.prepareStatement("SELECT count(*) FROM notes WHERE body = ?")) {
        statement.setString(1, "first");
        assertThat(count(statement)).isOne();
      }
      try (var statement =
          connection.prepareStatement("SELECT count(*) FROM notes WHERE body = ?")) {
        assertThat(count(statement))
            .as("a parameter left unset is NULL, not the last use's value")
            .isZero();
      }
    }
  }

  @Test
  void aKeptStatementWhoseRowsWereNotAllReadDoesNotHoldTheWal() throws Exception {
    try (var connection = pool.getConnection()) {
      for (var i = 0; i < 50; i++) {
        insert(connection, "note " + i);
      }
      try (var statement = connection.prepareStatement("SELECT body FROM notes ORDER BY id");
          var rows = statement.executeQuery()) {
        assertThat(rows.next()).isTrue(); // one row of fifty read, then closed
      }
      insert(connection, "after");
    }
    try (var connection = pool.getConnection();
        var checkpoint = connection.createStatement();
        var result = checkpoint.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
      assertThat(result.next()).isTrue();
      assertThat(result.getInt(1)).as("checkpoint blocked by a reader").isZero();
    }
    assertThat(Files.size(Path.of(directory.resolve("cache.db") + "-wal"))).isZero();
  }

  @Test
  void aKeptInsertLeavesNothingRunning() throws Exception {
    try (var connection = pool.getConnection()) {
      insert(connection, "kept"); // the driver's query of the generated key would stay open
      vacuumInto(connection, "after-insert.db");
    }
    assertThat(Files.size(directory.resolve("after-insert.db"))).isPositive();
  }

  @Test
  void aKeptStatementWhoseRowsWereNeverAskedForIsNotLeftRunning() throws Exception {
    try (var connection = pool.getConnection()) {
      for (var i = 0; i < 3; i++) {
        insert(connection, "note " + i);
      }
      try (var statement = connection.prepareStatement("SELECT body FROM notes ORDER BY id")) {
        assertThat(statement.execute()).isTrue(); // a first row stepped to, never read
      }
      vacuumInto(connection, "copy.db");
    }
    assertThat(Files.size(directory.resolve("copy.db"))).isPositive();
  }

  /** What a backup runs; SQLite refuses it while a statement of the connection is running. */
  private void vacuumInto(Connection connection, String name) throws SQLException {
    try (var vacuum = connection.createStatement()) {
      vacuum.execute("VACUUM INTO '" + directory.resolve(name) + "'");
    }
  }

  @Test
  void aKeptStatementThatFailedWorksAgain() throws SQLException {
    try (var connection = pool.getConnection()) {
      insert(connection, "taken");
      assertThatThrownBy(() -> insert(connection, "taken")).isInstanceOf(SQLException.class);
      insert(connection, "free");
      try (var statement =
          connection.prepareStatement("SELECT count(*) FROM notes WHERE body = ?")) {
        statement.setString(1, "free");
        assertThat(count(statement)).isOne();
      }
    }
  }

  @Test
  void manyDifferentStatementsKeepOnlyTheLatest() throws SQLException {
    try (var connection = pool.getConnection()) {
      var oldest = connection.prepareStatement("SELECT 0");
      var kept = driverStatement(oldest);
      oldest.close();
      for (var i = 1; i <= SqliteStatementCache.STATEMENTS; i++) {
        try (var statement = connection.prepareStatement("SELECT " + i);
            var rows = statement.executeQuery()) {
          assertThat(rows.next()).isTrue();
          assertThat(rows.getInt(1)).isEqualTo(i);
        }
      }
      try (var statement = connection.prepareStatement("SELECT 0")) {
        assertThat(driverStatement(statement)).isNotSameAs(kept);
      }
    }
  }

  private static void insert(Connection connection, String body) throws SQLException {
    try (var statement = connection.prepareStatement("INSERT INTO notes (body) VALUES (?)")) {
      statement.setString(1, body);
      assertThat(statement.executeUpdate()).isOne();
    }
  }

  private static int count(PreparedStatement statement) throws SQLException {
    try (var rows = statement.executeQuery()) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /** The driver's own statement under the pool's and the cache's wrappers. */
  private static Object driverStatement(PreparedStatement statement) throws SQLException {
    var cached = statement.unwrap(DelegatingStatement.class);
    return cached.getInnermostDelegate();
  }
}
