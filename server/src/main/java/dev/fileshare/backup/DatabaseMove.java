package dev.fileshare.backup;

import dev.fileshare.platform.DatabaseKind;
import dev.fileshare.platform.TableTransfer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Copies the whole metadata of this installation into an empty database of the other kind (SQLite
 * to PostgreSQL, or back): the target's schema is made by its migrations, every table is copied in
 * the order its foreign keys ask for, with its ids, and the numbering of new rows goes on after the
 * last id given. All of it is one transaction on the target, committed only when every table holds
 * what the source holds (rows and a digest of them): interrupted, the target is left with empty
 * tables, and the command can run again. The source is read in one transaction too (on SQLite it
 * holds the write lock), so the copy is of one moment.
 */
@Component
@ConditionalOnNotWebApplication
class DatabaseMove {

  private static final Logger log = LoggerFactory.getLogger(DatabaseMove.class);

  /** Why the move was not started: the target is not one to move into. */
  static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  record Result(int tables, long rows, Duration took) {}

  private final DataSource dataSource;
  private final DatabaseKind from;
  private final Map<String, TableTransfer> transfers;
  private final Environment environment;

  DatabaseMove(
      DataSource dataSource,
      DatabaseKind from,
      List<TableTransfer> transfers,
      Environment environment) {
    this.dataSource = dataSource;
    this.from = from;
    this.transfers =
        transfers.stream().collect(Collectors.toMap(TableTransfer::table, Function.identity()));
    this.environment = environment;
  }

  Result moveTo(String url) throws Refused, SQLException {
    var to = kindOf(url).orElseThrow(() -> new Refused("Not a database to move to: " + url));
    if (to == from) {
      throw new Refused("The database is " + from + " already; move to the other kind");
    }
    var started = Instant.now();
    migrate(url, to);
    try (var source = dataSource.getConnection();
        var target = connect(url, to)) {
      begin(source, from);
      target.setAutoCommit(false);
      try {
        var result = copy(source, target, to);
        target.commit();
        return new Result(result.tables(), result.rows(), Duration.between(started, Instant.now()));
      } finally {
        if (!target.getAutoCommit()) {
          target.rollback();
        }
        source.rollback();
      }
    }
  }

  private Result copy(Connection source, Connection target, DatabaseKind to)
      throws Refused, SQLException {
    var targetSchema = new SchemaReader(target, to);
    var sourceSchema = new SchemaReader(source, from);
    var tables = targetSchema.tables();
    var inSource = new HashSet<>(sourceSchema.tables());
    var copies = new HashMap<String, RowCopy>();
    for (var table : tables) {
      var transfer = Optional.ofNullable(transfers.get(table));
      if (transfer.map(TableTransfer::keptByTriggers).orElse(false)) {
        continue;
      }
      if (!inSource.contains(table)) {
        throw new SQLException("The source has no table " + table + ": is its schema older?");
      }
      try (var statement = target.createStatement();
          var rows = statement.executeQuery("SELECT 1 FROM " + table + " LIMIT 1")) {
        if (rows.next()) {
          throw new Refused(
              "The target already holds data (in "
                  + table
                  + "); the metadata is only moved into an empty database");
        }
      }
      if (transfer.isEmpty()) {
        copies.put(table, new RowCopy(table, columns(table, targetSchema, sourceSchema)));
      }
    }
    var triggers = new TriggerSwitch(target, to, tables);
    triggers.off();
    var total = 0L;
    for (var table : tables) {
      var transfer = Optional.ofNullable(transfers.get(table));
      if (transfer.map(TableTransfer::keptByTriggers).orElse(false)) {
        continue;
      }
      var copy = copies.get(table);
      if (copy != null) {
        var rows = copy.copy(source, target);
        total += rows;
        log.info("Copied {} rows of {}", rows, table);
      } else {
        transfer.orElseThrow().copy(source, from, target, to);
        log.info("Copied {}", table);
      }
    }
    triggers.on();
    for (var transfer : transfers.values()) {
      if (transfer.keptByTriggers() && tables.contains(transfer.table())) {
        transfer.rebuild(target);
      }
    }
    for (var table : tables) {
      if (inSource.contains(table)) {
        compare(table, source, target, to, copies);
      }
    }
    var numbering = targetSchema.numbering();
    for (var entry : numbering.entrySet()) {
      var table = entry.getKey();
      var column = entry.getValue();
      var last = Math.max(sourceSchema.lastNumber(table, column), highest(target, table, column));
      targetSchema.continueAfter(table, column, last);
    }
    return new Result(tables.size(), total, Duration.ZERO);
  }

  private void compare(
      String table,
      Connection source,
      Connection target,
      DatabaseKind to,
      Map<String, RowCopy> copies)
      throws SQLException {
    var before = new TableDigest();
    var after = new TableDigest();
    var transfer = transfers.get(table);
    if (transfer != null) {
      transfer.lines(source, from, before);
      transfer.lines(target, to, after);
    } else {
      var rows = copies.get(table);
      rows.lines(source, before);
      rows.lines(target, after);
    }
    if (!before.value().equals(after.value())) {
      throw new SQLException(
          table + " differs after the copy: " + before.value() + " before, " + after.value());
    }
    log.info("{}: {} rows, the same in both", table, after.rows());
  }

  /** The target's columns, each read as a boolean where either database stores one. */
  private static List<SchemaReader.Column> columns(
      String table, SchemaReader targetSchema, SchemaReader sourceSchema) throws SQLException {
    var columns = targetSchema.columns(table);
    var source =
        sourceSchema.columns(table).stream()
            .collect(Collectors.toMap(SchemaReader.Column::name, SchemaReader.Column::kind));
    var names = columns.stream().map(SchemaReader.Column::name).collect(Collectors.toSet());
    if (!source.keySet().equals(names)) {
      throw new SQLException(
          "The columns of " + table + " differ: " + source.keySet() + " and " + columns);
    }
    return columns.stream()
        .map(
            column ->
                source.get(column.name()) == SchemaReader.Kind.BOOLEAN
                    ? new SchemaReader.Column(column.name(), SchemaReader.Kind.BOOLEAN)
                    : column)
        .toList();
  }

  private static long highest(Connection target, String table, String column) throws SQLException {
    try (var statement = target.createStatement();
        var rows = statement.executeQuery("SELECT MAX(" + column + ") FROM " + table)) {
      return rows.next() ? rows.getLong(1) : 0;
    }
  }

  /** Makes the target's schema with the migrations of its kind. */
  private void migrate(String url, DatabaseKind to) throws Refused {
    try {
      Flyway.configure()
          .dataSource(url, username(), password())
          .locations("classpath:db/migration/" + to.name().toLowerCase(java.util.Locale.ROOT))
          .placeholders(
              Map.of("storage_type", environment.getProperty("fileshare.storage.type", "local")))
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new Refused("The target's schema could not be made: " + e.getMessage());
    }
  }

  private Connection connect(String url, DatabaseKind to) throws SQLException {
    var properties = new Properties();
    Optional.ofNullable(username()).ifPresent(user -> properties.setProperty("user", user));
    Optional.ofNullable(password()).ifPresent(word -> properties.setProperty("password", word));
    if (to == DatabaseKind.POSTGRESQL) {
      // one multi-row INSERT per batch instead of a statement per row
      properties.setProperty("reWriteBatchedInserts", "true");
    }
    return DriverManager.getConnection(url, properties);
  }

  /** One transaction of one moment: PostgreSQL's snapshot, or SQLite's write lock held. */
  private static void begin(Connection source, DatabaseKind kind) throws SQLException {
    if (kind == DatabaseKind.POSTGRESQL) {
      source.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    }
    source.setAutoCommit(false);
    try (var statement = source.createStatement()) {
      statement.executeQuery("SELECT 1").close();
    }
  }

  private @org.jspecify.annotations.Nullable String username() {
    return environment.getProperty("spring.datasource.username");
  }

  private @org.jspecify.annotations.Nullable String password() {
    return environment.getProperty("spring.datasource.password");
  }

  static Optional<DatabaseKind> kindOf(String url) {
    if (url.startsWith("jdbc:sqlite:")) {
      return Optional.of(DatabaseKind.SQLITE);
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return Optional.of(DatabaseKind.POSTGRESQL);
    }
    return Optional.empty();
  }
}
