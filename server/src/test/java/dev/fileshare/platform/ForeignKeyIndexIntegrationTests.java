package dev.fileshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.ApiTest;
import dev.fileshare.support.TestPeers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every foreign key's columns begin an index of their table, on the schema the migrations made.
 * Deleting or changing a referenced row makes the database look for the rows that refer to it (to
 * delete them, set them to NULL or refuse); without such an index it reads the whole table, and
 * deleting one account would read every file, version and activity row ever written.
 */
class ForeignKeyIndexIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;

  /** A foreign key: its table and its columns in order. */
  record ForeignKey(String table, List<String> columns) {}

  @Test
  void everyForeignKeyBeginsAnIndex() {
    var keys = "postgres".equals(TestPeers.database()) ? postgresql() : sqlite();
    assertThat(keys).as("foreign keys found").hasSizeGreaterThan(20);
    var unindexed = new ArrayList<ForeignKey>();
    for (var key : keys) {
      var indexes =
          "postgres".equals(TestPeers.database())
              ? postgresqlIndexes(key.table())
              : sqliteIndexes(key.table());
      if (indexes.stream().noneMatch(index -> begins(index, key.columns()))) {
        unindexed.add(key);
      }
    }
    assertThat(unindexed).as("foreign keys whose columns begin no index").isEmpty();
  }

  private static boolean begins(List<String> index, List<String> columns) {
    return index.size() >= columns.size() && index.subList(0, columns.size()).equals(columns);
  }

  private List<ForeignKey> sqlite() {
    var keys = new ArrayList<ForeignKey>();
    for (var table : sqliteTables()) {
      var rows =
          jdbc.sql("SELECT id, seq, \"from\" FROM pragma_foreign_key_list(?) ORDER BY id, seq")
              .param(table)
              .query((rs, n) -> new String[] {rs.getString(1), rs.getString(3)})
              .list();
      var current = "";
      List<String> columns = null;
      for (var row : rows) {
        if (!row[0].equals(current)) {
          current = row[0];
          columns = new ArrayList<>();
          keys.add(new ForeignKey(table, columns));
        }
        columns.add(row[1]);
      }
    }
    return keys;
  }

  private List<String> sqliteTables() {
    return jdbc.sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                + " AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")
        .query(String.class)
        .list();
  }

  /** The columns of each index of the table, in order; an INTEGER PRIMARY KEY is one too. */
  private List<List<String>> sqliteIndexes(String table) {
    var indexes = new ArrayList<List<String>>();
    for (var name :
        jdbc.sql("SELECT name FROM pragma_index_list(?)").param(table).query(String.class).list()) {
      indexes.add(
          jdbc.sql("SELECT name FROM pragma_index_info(?) ORDER BY seqno")
              .param(name)
              .query(String.class)
              .list());
    }
    jdbc.sql("SELECT name FROM pragma_table_info(?) WHERE pk = 1 AND type = 'INTEGER'")
        .param(table)
        .query(String.class)
        .optional()
        .ifPresent(rowid -> indexes.add(List.of(rowid)));
    return indexes;
  }

  private List<ForeignKey> postgresql() {
    return jdbc.sql(
            "SELECT c.conrelid::regclass::text,"
                + " array_to_string(ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY"
                + " k(attnum, n) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum ="
                + " k.attnum ORDER BY k.n), ',')"
                + " FROM pg_constraint c WHERE c.contype = 'f'"
                + " AND c.connamespace = 'public'::regnamespace")
        .query((rs, n) -> new ForeignKey(rs.getString(1), List.of(rs.getString(2).split(","))))
        .list();
  }

  private List<List<String>> postgresqlIndexes(String table) {
    return jdbc
        .sql(
            "SELECT array_to_string(ARRAY(SELECT a.attname FROM unnest(i.indkey::int2[]) WITH"
                + " ORDINALITY k(attnum, n) JOIN pg_attribute a ON a.attrelid = i.indrelid AND"
                + " a.attnum = k.attnum ORDER BY k.n), ',')"
                + " FROM pg_index i WHERE i.indrelid = ?::regclass")
        .param(table)
        .query(String.class)
        .list()
        .stream()
        .map(columns -> List.of(columns.split(",")))
        .toList();
  }
}
