package dev.fileshare.backup;

import dev.fileshare.platform.DatabaseKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the metadata of one database looks like to {@code migrate-database}: its tables (those the
 * migrations made, without Flyway's history and SQLite's own), their columns, the order that
 * foreign keys ask for, and the columns that number rows.
 */
final class SchemaReader {

  /** How a column's values are read, written and compared on both databases. */
  enum Kind {
    BOOLEAN,
    INTEGER,
    DECIMAL,
    BYTES,
    TEXT
  }

  record Column(String name, Kind kind) {}

  private static final String HISTORY = "flyway_schema_history";

  private final Connection connection;
  private final DatabaseKind kind;

  SchemaReader(Connection connection, DatabaseKind kind) {
    this.connection = connection;
    this.kind = kind;
  }

  /** The tables, each after those its foreign keys name. */
  List<String> tables() throws SQLException {
    var names = names();
    var references = new LinkedHashMap<String, Set<String>>();
    for (var table : names) {
      var named = new HashSet<String>();
      try (var keys = connection.getMetaData().getImportedKeys(null, schema(), table)) {
        while (keys.next()) {
          var parent = keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
          if (!parent.equals(table) && names.contains(parent)) {
            named.add(parent);
          }
        }
      }
      references.put(table, named);
    }
    var ordered = new LinkedHashSet<String>();
    while (ordered.size() < names.size()) {
      var before = ordered.size();
      for (var entry : references.entrySet()) {
        if (!ordered.contains(entry.getKey()) && ordered.containsAll(entry.getValue())) {
          ordered.add(entry.getKey());
        }
      }
      if (ordered.size() == before) {
        throw new SQLException("The foreign keys of these tables form a cycle: " + references);
      }
    }
    return new ArrayList<>(ordered);
  }

  private Set<String> names() throws SQLException {
    var names = new LinkedHashSet<String>();
    if (kind == DatabaseKind.SQLITE) {
      var virtual = new ArrayList<String>();
      var all = new ArrayList<String>();
      try (var statement = connection.createStatement();
          var rows =
              statement.executeQuery(
                  "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
        while (rows.next()) {
          var name = rows.getString(1).toLowerCase(Locale.ROOT);
          var sql = Optional.ofNullable(rows.getString(2)).orElse("");
          all.add(name);
          if (sql.toUpperCase(Locale.ROOT).startsWith("CREATE VIRTUAL TABLE")) {
            virtual.add(name);
          }
        }
      }
      for (var name : all) {
        // a virtual table's own tables (file_names_data...) go with it
        var shadow = virtual.stream().anyMatch(table -> name.startsWith(table + "_"));
        if (!name.startsWith("sqlite_") && !name.equals(HISTORY) && !shadow) {
          names.add(name);
        }
      }
    } else {
      try (var statement =
          connection.prepareStatement(
              "SELECT table_name FROM information_schema.tables WHERE table_schema ="
                  + " current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name")) {
        try (var rows = statement.executeQuery()) {
          while (rows.next()) {
            var name = rows.getString(1).toLowerCase(Locale.ROOT);
            if (!name.equals(HISTORY)) {
              names.add(name);
            }
          }
        }
      }
    }
    return names;
  }

  /** The table's columns, in the order the migrations made them. */
  List<Column> columns(String table) throws SQLException {
    var columns = new ArrayList<Column>();
    try (var rows = connection.getMetaData().getColumns(null, schema(), table, "%")) {
      while (rows.next()) {
        columns.add(
            new Column(
                rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                kindOf(rows.getInt("DATA_TYPE"), rows.getString("TYPE_NAME"))));
      }
    }
    return columns;
  }

  /**
   * The columns that number the rows of their table: PostgreSQL's identity columns, SQLite's
   * AUTOINCREMENT keys (those named in sqlite_sequence once used), by table.
   */
  Map<String, String> numbering() throws SQLException {
    var numbered = new LinkedHashMap<String, String>();
    var sql =
        kind == DatabaseKind.POSTGRESQL
            ? "SELECT table_name, column_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND is_identity = 'YES'"
            : "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p"
                + " WHERE m.type = 'table' AND p.pk = 1"
                + " AND upper(m.sql) LIKE '%AUTOINCREMENT%'";
    try (var statement = connection.prepareStatement(sql);
        var rows = statement.executeQuery()) {
      while (rows.next()) {
        numbered.put(
            rows.getString(1).toLowerCase(Locale.ROOT), rows.getString(2).toLowerCase(Locale.ROOT));
      }
    }
    return numbered;
  }

  /** The last number given to a row of the table, even if that row is gone: 0 when none was. */
  long lastNumber(String table, String column) throws SQLException {
    try (var statement =
        connection.prepareStatement(
            kind == DatabaseKind.POSTGRESQL
                ? "SELECT pg_sequence_last_value(pg_get_serial_sequence(?, ?))"
                : "SELECT seq FROM sqlite_sequence WHERE name = ?")) {
      statement.setString(1, table);
      if (kind == DatabaseKind.POSTGRESQL) {
        statement.setString(2, column);
      }
      try (var rows = statement.executeQuery()) {
        return rows.next() ? rows.getLong(1) : 0;
      }
    }
  }

  /** Numbers the next row of the table after {@code last}, whatever rows it holds. */
  void continueAfter(String table, String column, long last) throws SQLException {
    if (last < 1) {
      return;
    }
    if (kind == DatabaseKind.POSTGRESQL) {
      try (var statement =
          connection.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?), ?)")) {
        statement.setString(1, table);
        statement.setString(2, column);
        statement.setLong(3, last);
        statement.executeQuery().close();
      }
      return;
    }
    try (var update =
        connection.prepareStatement("UPDATE sqlite_sequence SET seq = ? WHERE name = ?")) {
      update.setLong(1, last);
      update.setString(2, table);
      if (update.executeUpdate() == 0) {
        try (var insert =
            connection.prepareStatement("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)")) {
          insert.setString(1, table);
          insert.setLong(2, last);
          insert.executeUpdate();
        }
      }
    }
  }

  private @Nullable String schema() throws SQLException {
    return kind == DatabaseKind.POSTGRESQL ? connection.getSchema() : null;
  }

  private static Kind kindOf(int type, String name) {
    var declared = name == null ? "" : name.toUpperCase(Locale.ROOT);
    if (type == Types.BOOLEAN || type == Types.BIT || declared.startsWith("BOOL")) {
      return Kind.BOOLEAN;
    }
    return switch (type) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> Kind.INTEGER;
      case Types.REAL, Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL -> Kind.DECIMAL;
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> Kind.BYTES;
      default -> Kind.TEXT;
    };
  }
}
