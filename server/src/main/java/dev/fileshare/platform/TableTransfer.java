package dev.fileshare.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * How one table moves to the other kind of database ({@code migrate-database}) where copying its
 * rows column by column does not do: a table whose shape differs between SQLite and PostgreSQL, or
 * one that the target's triggers fill. The module that owns the table declares it as a bean; every
 * other table is copied as it is.
 */
public interface TableTransfer {

  /** The table's name, the same in both databases. */
  String table();

  /**
   * Whether triggers fill the table as the tables they watch are copied: nothing is copied, and the
   * table is compared like any other where both databases have it.
   */
  default boolean keptByTriggers() {
    return false;
  }

  /**
   * Makes the rows of a table kept by triggers again from the tables they watch, after the copy:
   * the target's triggers may have been off while it ran (PostgreSQL, where counting every copied
   * row into the same few rows of one transaction grows slower with every row).
   */
  default void rebuild(Connection target) throws SQLException {}

  /** Copies every row from the source into the (empty) table of the target. */
  default void copy(Connection source, DatabaseKind from, Connection target, DatabaseKind to)
      throws SQLException {
    throw new UnsupportedOperationException(table() + " is kept by triggers");
  }

  /**
   * The table's rows as text, one line each in any order, the same on either database for the same
   * data: what the copy is checked by.
   */
  void lines(Connection connection, DatabaseKind kind, Consumer<String> line) throws SQLException;

  /**
   * A table that triggers fill: never copied, made again by the {@code rebuild} statements after
   * the copy, and compared by the rows {@code select} answers, each row's columns read as text. The
   * statements are the same on both databases.
   */
  static TableTransfer keptByTriggers(String table, String select, String... rebuild) {
    return new TableTransfer() {
      @Override
      public String table() {
        return table;
      }

      @Override
      public boolean keptByTriggers() {
        return true;
      }

      @Override
      public void rebuild(Connection target) throws SQLException {
        try (var statement = target.createStatement()) {
          for (var sql : rebuild) {
            statement.execute(sql);
          }
        }
      }

      @Override
      public void lines(Connection connection, DatabaseKind kind, Consumer<String> line)
          throws SQLException {
        try (var statement = connection.prepareStatement(select);
            var rows = statement.executeQuery()) {
          var columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            var text = new StringBuilder();
            for (var i = 1; i <= columns; i++) {
              text.append(rows.getString(i)).append('|');
            }
            line.accept(text.toString());
          }
        }
      }
    };
  }
}
