package dev.fileshare.documents;

import dev.fileshare.platform.DatabaseKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The document_pages table: the text of each page, for full-text search. On SQLite an FTS5 table
 * whose rowid is {@code file_id * 2^20 + page}, so a file's pages are one rowid range; on
 * PostgreSQL a table with a tsvector and a GIN index.
 */
@Repository
class PageRows {

  /** Pages per file that fit the rowid scheme; later pages are not indexed. */
  static final int MAX_PAGE = (1 << 20) - 1;

  private final JdbcClient jdbc;
  private final DatabaseKind database;

  PageRows(JdbcClient jdbc, DatabaseKind database) {
    this.jdbc = jdbc;
    this.database = database;
  }

  /** Adds the text of one page (numbered from 1); call in the transaction that cleared the file. */
  void add(long fileId, int page, String body) {
    if (page < 1 || page > MAX_PAGE) {
      throw new IllegalArgumentException("page out of range: " + page);
    }
    var terms = TextFolding.fold(body);
    switch (database) {
      case SQLITE ->
          jdbc.sql("INSERT INTO document_pages (rowid, terms, body) VALUES (?, ?, ?)")
              .params(rowid(fileId, page), terms, body)
              .update();
      case POSTGRESQL ->
          jdbc.sql(
                  "INSERT INTO document_pages (file_id, page, terms, body)"
                      + " VALUES (?, ?, to_tsvector('english', ?), ?)")
              .params(fileId, page, terms, body)
              .update();
    }
  }

  /** Removes every page of the file. */
  void clear(long fileId) {
    switch (database) {
      case SQLITE ->
          jdbc.sql("DELETE FROM document_pages WHERE rowid BETWEEN ? AND ?")
              .params(rowid(fileId, 0), rowid(fileId, MAX_PAGE))
              .update();
      case POSTGRESQL ->
          jdbc.sql("DELETE FROM document_pages WHERE file_id = ?").params(fileId).update();
    }
  }

  static long rowid(long fileId, int page) {
    return (fileId << 20) + page;
  }
}
