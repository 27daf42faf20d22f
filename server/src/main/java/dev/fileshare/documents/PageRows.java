package dev.fileshare.documents;

import dev.fileshare.platform.DatabaseKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * Characters of a page's folded text that are indexed, about twenty-five pages of dense print: a
   * PostgreSQL tsvector holds at most 1 MiB, and a page of a hostile document may hold far more
   * text than that. The whole text is kept for snippets.
   */
  static final int MAX_INDEXED_CHARS = 100_000;

  /**
   * Pages of visible files that a search ranks at most: a word on more of them than this is no
   * search by itself, and ranking every match of such a word was most of the time of a search (half
   * a second on PostgreSQL for 30,000 pages); the best are then those among the first so many in
   * the index's order.
   */
  static final int CANDIDATES = 10_000;

  /**
   * The pages of visible files a query matches, found through the text index and then each file
   * looked up by primary key (CROSS JOIN: SQLite keeps the index the outer loop), at most {@link
   * #CANDIDATES}, as {@code hit_file, hit_page, hit_score}: lower is better, as bm25 is.
   */
  private static final String SQLITE_HITS =
      "SELECT document_pages.rowid >> 20 AS hit_file, document_pages.rowid & "
          + MAX_PAGE
          + " AS hit_page, bm25(document_pages) AS hit_score FROM document_pages"
          + " CROSS JOIN files ON files.id = document_pages.rowid >> 20"
          + " WHERE document_pages MATCH :match AND {visible} LIMIT :candidates";

  /**
   * The same on PostgreSQL: the matching pages as a MATERIALIZED CTE, ranked (ts_rank, negated)
   * once they are bounded.
   */
  private static final String POSTGRESQL_HITS =
      "WITH hits AS MATERIALIZED (SELECT file_id, page, terms FROM document_pages"
          + " JOIN files ON files.id = document_pages.file_id"
          + " WHERE terms @@ websearch_to_tsquery('english', :query) AND {visible} LIMIT :candidates)"
          + " SELECT file_id AS hit_file, page AS hit_page,"
          + " -ts_rank(terms, websearch_to_tsquery('english', :query)) AS hit_score FROM hits";

  /** One page a search found, and its score: lower is better. */
  record Hit(long fileId, int page, double score) {}

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
    var terms = indexed(TextFolding.fold(body));
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

  /**
   * The best pages for the query among the files that {@code visible} (a condition on the files
   * table, with its parameters) lets through: files best page first, at most {@code perFile} pages
   * of each, at most {@code files * perFile} pages, ranked among the first {@link #CANDIDATES}
   * matching pages of visible files. The index finds the matching pages first; the condition is
   * checked on those only, each by the files table's primary key.
   */
  List<Hit> search(
      SearchQuery query, String visible, Map<String, Object> params, int files, int perFile) {
    var all = searchParams(query, params, files, perFile);
    return jdbc.sql(searchSql(visible))
        .params(all)
        .query((rs, n) -> new Hit(rs.getLong(1), rs.getInt(2), rs.getDouble(3)))
        .list();
  }

  /** The statement of {@link #search}, for its parameters ({@link #searchParams}). */
  String searchSql(String visible) {
    var hits =
        (database == DatabaseKind.SQLITE ? SQLITE_HITS : POSTGRESQL_HITS)
            .replace("{visible}", visible);
    return "SELECT hit_file, hit_page, hit_score FROM (SELECT hit_file, hit_page, hit_score,"
        + " ROW_NUMBER() OVER (PARTITION BY hit_file ORDER BY hit_score, hit_page) AS nth,"
        + " MIN(hit_score) OVER (PARTITION BY hit_file) AS best"
        + (" FROM (" + hits + ") AS scored) AS ranked")
        + " WHERE nth <= :per_file ORDER BY best, hit_file, nth LIMIT :rows";
  }

  Map<String, Object> searchParams(
      SearchQuery query, Map<String, Object> params, int files, int perFile) {
    var all = new HashMap<>(params);
    all.put("per_file", perFile);
    all.put("rows", files * perFile);
    all.put("candidates", CANDIDATES);
    all.put(database == DatabaseKind.SQLITE ? "match" : "query", expression(query));
    return all;
  }

  /** The text of the pages found, keyed by {@link #rowid}. */
  Map<Long, String> bodies(List<Hit> hits) {
    var bodies = new HashMap<Long, String>();
    if (hits.isEmpty()) {
      return bodies;
    }
    var keys = hits.stream().map(hit -> rowid(hit.fileId(), hit.page())).toList();
    var sql =
        switch (database) {
          case SQLITE -> "SELECT rowid, body FROM document_pages WHERE rowid IN (:keys)";
          case POSTGRESQL ->
              "SELECT file_id * 1048576 + page, body FROM document_pages"
                  + " WHERE file_id IN (:files) AND file_id * 1048576 + page IN (:keys)";
        };
    var files = hits.stream().map(Hit::fileId).distinct().toList();
    var statement = jdbc.sql(sql).param("keys", keys);
    if (database == DatabaseKind.POSTGRESQL) {
      statement = statement.param("files", files);
    }
    statement.query(
        rs -> {
          bodies.put(rs.getLong(1), rs.getString(2));
        });
    return bodies;
  }

  /**
   * A query that selects the ids of the files with a page the query matches, for {@code id IN
   * (...)}; its parameter is put into {@code params}.
   */
  String matchingFiles(SearchQuery query, Map<String, Object> params) {
    params.put("content_query", expression(query));
    return switch (database) {
      case SQLITE ->
          "SELECT rowid >> 20 FROM document_pages WHERE document_pages MATCH :content_query";
      case POSTGRESQL ->
          "SELECT file_id FROM document_pages"
              + " WHERE terms @@ websearch_to_tsquery('english', :content_query)";
    };
  }

  private String expression(SearchQuery query) {
    return database == DatabaseKind.SQLITE ? query.fts5() : query.websearch();
  }

  /** The text cut to {@link #MAX_INDEXED_CHARS}, before a space where there is one. */
  static String indexed(String folded) {
    if (folded.length() <= MAX_INDEXED_CHARS) {
      return folded;
    }
    var cut = folded.lastIndexOf(' ', MAX_INDEXED_CHARS);
    var end = cut > 0 ? cut : MAX_INDEXED_CHARS;
    if (Character.isHighSurrogate(folded.charAt(end - 1))) {
      end--;
    }
    return folded.substring(0, end);
  }

  static long rowid(long fileId, int page) {
    return (fileId << 20) + page;
  }
}
