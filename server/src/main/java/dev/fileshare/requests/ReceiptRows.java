package dev.fileshare.requests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The request_uploads table: every statement on it is here. Queries use (request_id, id) for a
 * request's uploads and (visit_hash, id) for a visit's.
 */
@Repository
class ReceiptRows {

  private static final String COLUMNS =
      "id, request_id, file_id, file_name, size, uploader_name, uploader_email, client_address,"
          + " created_at";

  /** Who sent a file: what they gave, where from, in which visit. */
  record Sender(String name, String email, String address, String visitHash) {}

  private final JdbcClient jdbc;

  ReceiptRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static Receipt receipt(ResultSet rs) throws SQLException {
    return new Receipt(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        rs.getString(4),
        rs.getLong(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        Instant.ofEpochMilli(rs.getLong(9)));
  }

  long insert(long requestId, long fileId, String name, long size, Sender sender, long now) {
    return jdbc.sql(
            "INSERT INTO request_uploads (request_id, file_id, visit_hash, uploader_name,"
                + " uploader_email, client_address, file_name, size, mailed, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?) RETURNING id")
        .params(requestId, fileId, sender.visitHash(), sender.name(), sender.email())
        .params(sender.address(), name, size, now)
        .query(Long.class)
        .single();
  }

  /** A request's uploads, newest first, older than {@code before}, at most {@code limit}. */
  List<Receipt> ofRequest(long requestId, long before, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM request_uploads WHERE request_id = ? AND id < ? ORDER BY id DESC LIMIT ?")
        .params(requestId, before, limit)
        .query((rs, n) -> receipt(rs))
        .list();
  }

  /** The uploads of one visit of a request, oldest first, at most {@code limit}. */
  List<Receipt> ofVisit(long requestId, String visitHash, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM request_uploads WHERE visit_hash = ? AND request_id = ? ORDER BY id LIMIT ?")
        .params(visitHash, requestId, limit)
        .query((rs, n) -> receipt(rs))
        .list();
  }

  /** The upload that became this file, if it is of this visit. */
  List<Receipt> ofVisitAndFile(long requestId, String visitHash, long fileId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM request_uploads WHERE file_id = ? AND request_id = ? AND visit_hash = ?")
        .params(fileId, requestId, visitHash)
        .query((rs, n) -> receipt(rs))
        .list();
  }

  /**
   * Marks the request's uploads the owner was not told about yet as told, and answers them, oldest
   * first. Call in the transaction that puts the mail into the outbox.
   */
  List<Receipt> takeUnmailed(long requestId) {
    var unmailed =
        jdbc.sql(
                "SELECT "
                    + COLUMNS
                    + " FROM request_uploads WHERE request_id = ? AND mailed = FALSE ORDER BY id")
            .param(requestId)
            .query((rs, n) -> receipt(rs))
            .list();
    if (!unmailed.isEmpty()) {
      jdbc.sql(
              "UPDATE request_uploads SET mailed = TRUE WHERE request_id = ? AND mailed = FALSE"
                  + " AND id <= ?")
          .params(requestId, unmailed.get(unmailed.size() - 1).id())
          .update();
    }
    return unmailed;
  }
}
