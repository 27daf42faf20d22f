package dev.fileshare.documents;

import dev.fileshare.platform.DatabaseKind;
import dev.fileshare.platform.TableTransfer;
import dev.fileshare.shared.Sha256;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * document_pages to the other database: its shape differs (an FTS5 table keyed by rowid on SQLite,
 * a table with a tsvector on PostgreSQL), so each page is read as file, page and text and its
 * searchable terms are made again from the text, as {@link PageRows#add} makes them.
 */
@Component
class PageTransfer implements TableTransfer {

  private static final int BATCH = 500;

  @Override
  public String table() {
    return "document_pages";
  }

  @Override
  public void copy(Connection source, DatabaseKind from, Connection target, DatabaseKind to)
      throws SQLException {
    var insert =
        to == DatabaseKind.SQLITE
            ? "INSERT INTO document_pages (rowid, terms, body) VALUES (?, ?, ?)"
            : "INSERT INTO document_pages (file_id, page, terms, body)"
                + " VALUES (?, ?, to_tsvector('english', ?), ?)";
    try (var read = source.prepareStatement(select(from));
        var write = target.prepareStatement(insert)) {
      read.setFetchSize(BATCH);
      try (var rows = read.executeQuery()) {
        var pending = 0;
        while (rows.next()) {
          var fileId = rows.getLong(1);
          var page = rows.getInt(2);
          var body = rows.getString(3);
          var terms = PageRows.indexed(TextFolding.fold(body));
          if (to == DatabaseKind.SQLITE) {
            write.setLong(1, PageRows.rowid(fileId, page));
            write.setString(2, terms);
            write.setString(3, body);
          } else {
            write.setLong(1, fileId);
            write.setInt(2, page);
            write.setString(3, terms);
            write.setString(4, body);
          }
          write.addBatch();
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
  }

  /** One line per page: the file, the page and the SHA-256 of its text. */
  @Override
  public void lines(Connection connection, DatabaseKind kind, Consumer<String> line)
      throws SQLException {
    try (var read = connection.prepareStatement(select(kind))) {
      read.setFetchSize(BATCH);
      try (var rows = read.executeQuery()) {
        while (rows.next()) {
          line.accept(rows.getLong(1) + " " + rows.getInt(2) + " " + Sha256.of(rows.getString(3)));
        }
      }
    }
  }

  private static String select(DatabaseKind kind) {
    return kind == DatabaseKind.SQLITE
        ? "SELECT rowid >> 20, rowid & " + PageRows.MAX_PAGE + ", body FROM document_pages"
        : "SELECT file_id, page, body FROM document_pages";
  }
}
