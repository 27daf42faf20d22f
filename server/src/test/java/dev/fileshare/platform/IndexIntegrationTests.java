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
 * The indexes of the schema the migrations made, on both databases: every foreign key's columns
 * begin one, and none is only the first columns of another.
 */
class IndexIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;

  /** A foreign key: its table and its columns in order. */
  record ForeignKey(String table, List<String> columns) {}

  /**
   * An index: its table, name and columns in order (with their collation or operator class when it
   * is not the default one; an expression is a name no column has), whether it is unique, and
   * whether it has a WHERE (partial) or is not a B-tree (on PostgreSQL: GIN, for the name
   * trigrams); such an index answers other questions than an ordinary one on its columns.
   */
  record Index(String table, String name, List<String> columns, boolean unique, boolean special) {

    /** Whether every lookup this index serves, the other serves as well. */
    boolean servedBy(Index other) {
      return !unique
          && !special
          && !other.special
          && !name.equals(other.name)
          && table.equals(other.table)
          && begins(other.columns, columns)
          && (other.columns.size() > columns.size()
              || other.unique
              || name.compareTo(other.name) > 0);
    }
  }

  /**
   * Deleting or changing a referenced row makes the database look for the rows that refer to it (to
   * delete them, set them to NULL or refuse); without an index that begins with the referring
   * columns it reads the whole table, and deleting one account would read every file, version and
   * activity row ever written.
   */
  @Test
  void everyForeignKeyBeginsAnIndex() {
    var keys = postgres() ? postgresqlForeignKeys() : sqliteForeignKeys();
    assertThat(keys).as("foreign keys found").hasSizeGreaterThan(20);
    var indexes = indexes();
    var unindexed = new ArrayList<ForeignKey>();
    for (var key : keys) {
      if (indexes.stream()
          .noneMatch(
              index ->
                  index.table().equals(key.table()) && begins(index.columns(), key.columns()))) {
        unindexed.add(key);
      }
    }
    assertThat(unindexed).as("foreign keys whose columns begin no index").isEmpty();
  }

  /**
   * An index on (a) beside one on (a, b) serves no lookup the second does not, and every insert,
   * delete and change of a or b writes both: each write of the table pays for an index no query
   * needs. (On SQLite every index ends with the rowid, so (user_id) and (user_id, id) of a table
   * whose id is its rowid are one and the same.)
   */
  @Test
  void noIndexIsTheBeginningOfAnother() {
    var indexes = indexes();
    assertThat(indexes).as("indexes found").hasSizeGreaterThan(40);
    var redundant = new ArrayList<String>();
    for (var index : indexes) {
      indexes.stream()
          .filter(index::servedBy)
          .findFirst()
          .ifPresent(other -> redundant.add(index.name() + " (served by " + other.name() + ")"));
    }
    assertThat(redundant).as("indexes that another index makes needless").isEmpty();
  }

  private static boolean begins(List<String> columns, List<String> first) {
    return columns.size() >= first.size() && columns.subList(0, first.size()).equals(first);
  }

  private static boolean postgres() {
    return "postgres".equals(TestPeers.database());
  }

  private List<Index> indexes() {
    return postgres() ? postgresqlIndexes() : sqliteIndexes();
  }

  private List<ForeignKey> sqliteForeignKeys() {
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

  /** The indexes of every table; an INTEGER PRIMARY KEY (the rowid) is a unique one too. */
  private List<Index> sqliteIndexes() {
    var indexes = new ArrayList<Index>();
    for (var table : sqliteTables()) {
      var listed =
          jdbc.sql("SELECT name, \"unique\", partial FROM pragma_index_list(?)")
              .param(table)
              .query(
                  (rs, n) ->
                      new Index(
                          table, rs.getString(1), List.of(), rs.getBoolean(2), rs.getBoolean(3)))
              .list();
      for (var index : listed) {
        var columns =
            jdbc.sql("SELECT cid, name, coll FROM pragma_index_xinfo(?) WHERE key ORDER BY seqno")
                .param(index.name())
                .query(
                    (rs, n) ->
                        rs.getInt(1) < 0
                            ? "(expression " + n + " of " + index.name() + ")"
                            : rs.getString(2)
                                + ("BINARY".equals(rs.getString(3))
                                    ? ""
                                    : " COLLATE " + rs.getString(3)))
                .list();
        indexes.add(new Index(table, index.name(), columns, index.unique(), index.special()));
      }
      jdbc.sql("SELECT name FROM pragma_table_info(?) WHERE pk = 1 AND type = 'INTEGER'")
          .param(table)
          .query(String.class)
          .optional()
          .ifPresent(rowid -> indexes.add(new Index(table, "rowid", List.of(rowid), true, false)));
    }
    return indexes;
  }

  private List<ForeignKey> postgresqlForeignKeys() {
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

  /**
   * An expression's position in {@code indkey} is 0: it is named by the index and position. A key
   * column's operator class is in {@code indclass}, an INCLUDE column has none (and is left out).
   */
  private List<Index> postgresqlIndexes() {
    return jdbc.sql(
            "SELECT i.indrelid::regclass::text, c.relname,"
                + " array_to_string(ARRAY(SELECT COALESCE(a.attname, '(expression ' || k.n || ' of '"
                + " || c.relname || ')') || CASE WHEN o.opcdefault THEN '' ELSE ' ' || o.opcname"
                + " END FROM unnest(i.indkey::int2[], i.indclass::oid[]) WITH ORDINALITY"
                + " k(attnum, opclass, n) JOIN pg_opclass o ON o.oid = k.opclass"
                + " LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
                + " ORDER BY k.n), ','),"
                + " i.indisunique, i.indpred IS NOT NULL OR am.amname <> 'btree'"
                + " FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                + " JOIN pg_am am ON am.oid = c.relam"
                + " WHERE c.relnamespace = 'public'::regnamespace")
        .query(
            (rs, n) ->
                new Index(
                    rs.getString(1),
                    rs.getString(2),
                    List.of(rs.getString(3).split(",")),
                    rs.getBoolean(4),
                    rs.getBoolean(5)))
        .list();
  }
}
