package dev.fileshare.backup;

import dev.fileshare.backup.SchemaReader.Column;
import dev.fileshare.backup.SchemaReader.Kind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One table copied as it is, column by column, and its rows read as text to compare both sides.
 * Rows stream: the source is read a batch at a time and written in batches.
 */
final class RowCopy {

  private static final int BATCH = 500;

  private final String table;
  private final List<Column> columns;

  /** {@code columns}: the target's, whose kinds decide how each value is read on both sides. */
  RowCopy(String table, List<Column> columns) {
    this.table = table;
    this.columns = columns;
  }

  /** Copies every row; answers how many. */
  long copy(Connection source, Connection target) throws SQLException {
    var names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
    var marks = columns.stream().map(column -> "?").collect(Collectors.joining(", "));
    var copied = 0L;
    try (var read = source.prepareStatement("SELECT " + names + " FROM " + table);
        var write =
            target.prepareStatement(
                "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")")) {
      read.setFetchSize(BATCH);
      try (var rows = read.executeQuery()) {
        var pending = 0;
        while (rows.next()) {
          for (var i = 0; i < columns.size(); i++) {
            transfer(rows, write, i + 1, columns.get(i).kind());
          }
          write.addBatch();
          copied++;
          if (++pending == BATCH) {
            write.executeBatch();
            pending = 0;
          }
        }
        if (pending > 0) {
          write.executeBatch();
        }
      }
    }
    return copied;
  }

  /** Every row as one line of text: each value with its length, so no two rows read the same. */
  void lines(Connection connection, Consumer<String> line) throws SQLException {
    var names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
    try (var read = connection.prepareStatement("SELECT " + names + " FROM " + table)) {
      read.setFetchSize(BATCH);
      try (var rows = read.executeQuery()) {
        var text = new StringBuilder();
        while (rows.next()) {
          text.setLength(0);
          for (var i = 0; i < columns.size(); i++) {
            var value = text(rows, i + 1, columns.get(i).kind());
            if (value == null) {
              text.append("-|");
            } else {
              text.append(value.length()).append(':').append(value).append('|');
            }
          }
          line.accept(text.toString());
        }
      }
    }
  }

  private static void transfer(ResultSet rows, PreparedStatement write, int i, Kind kind)
      throws SQLException {
    switch (kind) {
      case BOOLEAN -> {
        var value = rows.getBoolean(i);
        if (rows.wasNull()) {
          write.setNull(i, Types.BOOLEAN);
        } else {
          write.setBoolean(i, value);
        }
      }
      case INTEGER -> {
        var value = rows.getLong(i);
        if (rows.wasNull()) {
          write.setNull(i, Types.BIGINT);
        } else {
          write.setLong(i, value);
        }
      }
      case DECIMAL -> {
        var value = rows.getDouble(i);
        if (rows.wasNull()) {
          write.setNull(i, Types.DOUBLE);
        } else {
          write.setDouble(i, value);
        }
      }
      case BYTES -> write.setBytes(i, rows.getBytes(i));
      case TEXT -> write.setString(i, rows.getString(i));
    }
  }

  private static @org.jspecify.annotations.Nullable String text(ResultSet rows, int i, Kind kind)
      throws SQLException {
    var value =
        switch (kind) {
          case BOOLEAN -> String.valueOf(rows.getBoolean(i));
          case INTEGER -> String.valueOf(rows.getLong(i));
          case DECIMAL -> String.valueOf(rows.getDouble(i));
          case BYTES -> {
            var bytes = rows.getBytes(i);
            yield bytes == null ? null : HexFormat.of().formatHex(bytes);
          }
          case TEXT -> rows.getString(i);
        };
    return rows.wasNull() ? null : value;
  }
}
