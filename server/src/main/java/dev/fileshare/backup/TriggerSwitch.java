package dev.fileshare.backup;

import dev.fileshare.platform.DatabaseKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Turns the target's own triggers off while rows are copied into PostgreSQL, and on again before
 * the commit (ALTER TABLE is transactional there, and the tables' owner may do it). Row by row, the
 * counting triggers would update the same few rows a million times in one transaction, each update
 * slower than the last; the tables they keep are made again once instead. Foreign keys stay
 * checked. SQLite's triggers stay on: they update rows in place and cost little.
 */
final class TriggerSwitch {

  private final Connection target;
  private final DatabaseKind kind;
  private final List<String> tables;

  TriggerSwitch(Connection target, DatabaseKind kind, List<String> tables) {
    this.target = target;
    this.kind = kind;
    this.tables = tables;
  }

  void off() throws SQLException {
    alter("DISABLE");
  }

  void on() throws SQLException {
    alter("ENABLE");
  }

  private void alter(String change) throws SQLException {
    if (kind != DatabaseKind.POSTGRESQL) {
      return;
    }
    try (var statement = target.createStatement()) {
      for (var table : tables) {
        statement.execute("ALTER TABLE " + table + " " + change + " TRIGGER USER");
      }
    }
  }
}
