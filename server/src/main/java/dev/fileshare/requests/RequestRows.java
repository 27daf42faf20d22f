package dev.fileshare.requests;

import dev.fileshare.sharing.Recipients;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The file_requests table: every statement on it is here. Each query uses an index: the token's
 * unique one, (owner_id, id) for an owner's list, notify_due for the mails that are due.
 */
@Repository
class RequestRows {

  private static final String COLUMNS =
      "id, owner_id, token, title, instructions, expires_at, password_hash, max_files,"
          + " max_file_size, require_name, require_email, notify, closed, received, created_at,"
          + " updated_at, recipients";

  /** What a new request or a change sets. */
  record Values(
      String title,
      String instructions,
      @Nullable Long expiresAt,
      @Nullable String passwordHash,
      @Nullable Long maxFiles,
      @Nullable Long maxFileSize,
      boolean requireName,
      boolean requireEmail,
      boolean notifyOwner,
      boolean closed,
      Recipients recipients) {}

  private final JdbcClient jdbc;

  RequestRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static RequestRow row(ResultSet rs) throws SQLException {
    return new RequestRow(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        nullableLong(rs, 6),
        rs.getString(7),
        nullableLong(rs, 8),
        nullableLong(rs, 9),
        rs.getBoolean(10),
        rs.getBoolean(11),
        rs.getBoolean(12),
        rs.getBoolean(13),
        rs.getLong(14),
        rs.getLong(15),
        rs.getLong(16),
        Recipients.stored(rs.getString(17)));
  }

  private static @Nullable Long nullableLong(ResultSet rs, int column) throws SQLException {
    var value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  long insert(long ownerId, String token, Values values, long now) {
    return jdbc.sql(
            "INSERT INTO file_requests (owner_id, token, title, instructions, expires_at,"
                + " password_hash, max_files, max_file_size, require_name, require_email, notify,"
                + " closed, received, created_at, updated_at, recipients)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?) RETURNING id")
        .params(ownerId, token, values.title(), values.instructions(), values.expiresAt())
        .params(values.passwordHash(), values.maxFiles(), values.maxFileSize())
        .params(values.requireName(), values.requireEmail(), values.notifyOwner(), values.closed())
        .params(now, now, values.recipients().lines())
        .query(Long.class)
        .single();
  }

  Optional<RequestRow> byId(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM file_requests WHERE id = ?")
        .param(id)
        .query((rs, n) -> row(rs))
        .optional();
  }

  Optional<RequestRow> byToken(String token) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM file_requests WHERE token = ?")
        .param(token)
        .query((rs, n) -> row(rs))
        .optional();
  }

  /** An owner's requests, newest first, those older than {@code before}, at most {@code limit}. */
  List<RequestRow> ofOwner(long ownerId, long before, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM file_requests WHERE owner_id = ? AND id < ? ORDER BY id DESC LIMIT ?")
        .params(ownerId, before, limit)
        .query((rs, n) -> row(rs))
        .list();
  }

  boolean update(long id, long ownerId, Values values, long now) {
    return jdbc.sql(
                "UPDATE file_requests SET title = ?, instructions = ?, expires_at = ?,"
                    + " password_hash = ?, max_files = ?, max_file_size = ?, require_name = ?,"
                    + " require_email = ?, notify = ?, closed = ?, updated_at = ?, recipients = ?"
                    + " WHERE id = ? AND owner_id = ?")
            .params(values.title(), values.instructions(), values.expiresAt())
            .params(values.passwordHash(), values.maxFiles(), values.maxFileSize())
            .params(
                values.requireName(), values.requireEmail(), values.notifyOwner(), values.closed())
            .params(now, values.recipients().lines(), id, ownerId)
            .update()
        == 1;
  }

  boolean delete(long id, long ownerId) {
    return jdbc.sql("DELETE FROM file_requests WHERE id = ? AND owner_id = ?")
            .params(id, ownerId)
            .update()
        == 1;
  }

  /**
   * Takes one file slot if the request is open, has not expired and has a slot left, and, if the
   * owner is mailed, makes a mail due at {@code soon} (or {@code interval} after the last one, if
   * that is later) unless one is due already. One conditional statement, atomic on SQLite and
   * PostgreSQL alike: of any number of uploads at once, on any number of nodes, exactly as many get
   * a slot as the limit allows. Call inside the transaction that records the file.
   */
  boolean takeSlot(long id, long now, long soon, long interval) {
    return jdbc.sql(
                "UPDATE file_requests SET received = received + 1, notify_due = CASE"
                    + " WHEN notify AND notify_due IS NULL THEN"
                    + " (CASE WHEN notified_at + ? > ? THEN notified_at + ? ELSE ? END)"
                    + " ELSE notify_due END"
                    + " WHERE id = ? AND closed = FALSE AND (expires_at IS NULL OR expires_at > ?)"
                    + " AND (max_files IS NULL OR received < max_files)")
            .params(interval, soon, interval, soon, id, now)
            .update()
        == 1;
  }

  /** Up to {@code max} requests whose owner's mail is due. */
  List<Long> notificationsDue(long now, int max) {
    return jdbc.sql(
            "SELECT id FROM file_requests WHERE notify_due <= ? ORDER BY notify_due LIMIT ?")
        .params(now, max)
        .query(Long.class)
        .list();
  }

  /**
   * Claims the due mail of a request for this node: only one of any number of nodes gets it. Call
   * inside the transaction that reads the uploads to mail and puts the mail into the outbox.
   */
  boolean claimNotification(long id, long now) {
    return jdbc.sql(
                "UPDATE file_requests SET notify_due = NULL, notified_at = ?"
                    + " WHERE id = ? AND notify_due <= ?")
            .params(now, id, now)
            .update()
        == 1;
  }
}
