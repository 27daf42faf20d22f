package dev.fileshare.resumable;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tus_uploads table. Only one request writes an upload at a time: it claims the row with a
 * single conditional UPDATE (a lease with a random token, renewed while it writes), which works the
 * same on SQLite and PostgreSQL and across nodes. An unfinished upload's row holds the bytes it
 * reserves in its owner's quota ({@code reserved}: its length, until a file takes them over).
 */
@Repository
class UploadRows {

  private static final String COLUMNS =
      "id, owner_id, upload_length, upload_offset, metadata, file_id, lock_token, locked_until,"
          + " created_at, expires_at";

  /** By position: the record mapper of {@code query(Class)} throws for every snake_case column. */
  private static final RowMapper<UploadRow> MAPPER =
      (rs, n) ->
          new UploadRow(
              rs.getString(1),
              rs.getLong(2),
              rs.getLong(3),
              rs.getLong(4),
              rs.getString(5),
              rs.getObject(6) == null ? null : rs.getLong(6),
              rs.getString(7),
              rs.getLong(8),
              rs.getLong(9),
              rs.getLong(10));

  /** An upload that was deleted: whose it was, and the bytes it still reserved. */
  record Removed(long owner, long reserved) {}

  private final JdbcClient jdbc;

  UploadRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A new upload, its whole length reserved; {@code scope} is '' for the owner's own, else an
   * uploader's (see Uploader).
   */
  void insert(
      String id, long owner, String scope, long length, String metadata, long now, long expiresAt) {
    jdbc.sql(
            """
            INSERT INTO tus_uploads (id, owner_id, scope, upload_length, upload_offset, metadata,
                                     created_at, expires_at, reserved)
            VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?)""")
        .params(id, owner, scope, length, metadata, now, expiresAt, length)
        .update();
  }

  /**
   * Stops reserving the upload's bytes, in the transaction of the file made of it; answers how many
   * it reserved (0 if another transaction took them back first).
   */
  long unreserve(String id) {
    var reserved =
        jdbc.sql("SELECT reserved FROM tus_uploads WHERE id = ?")
            .param(id)
            .query(Long.class)
            .optional()
            .orElse(0L);
    if (reserved <= 0) {
      return 0;
    }
    var taken =
        jdbc.sql("UPDATE tus_uploads SET reserved = 0 WHERE id = ? AND reserved = ?")
            .params(id, reserved)
            .update();
    return taken == 1 ? reserved : 0;
  }

  /** The upload of this owner and scope, if it has not expired. */
  Optional<UploadRow> find(String id, long owner, String scope, long now) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM tus_uploads WHERE id = ? AND owner_id = ? AND scope = ? AND expires_at > ?")
        .params(id, owner, scope, now)
        .query(MAPPER)
        .optional();
  }

  /**
   * Claims the upload for one writer until {@code until}, if nobody holds it, it is at {@code
   * offset}, and it has no file yet. Answers whether this caller got it.
   */
  boolean claim(String id, long owner, long offset, String token, long now, long until) {
    return jdbc.sql(
                """
                UPDATE tus_uploads SET lock_token = ?, locked_until = ?
                WHERE id = ? AND owner_id = ? AND upload_offset = ? AND file_id IS NULL
                  AND locked_until < ? AND expires_at > ?""")
            .params(token, until, id, owner, offset, now, now)
            .update()
        == 1;
  }

  /**
   * Claims the upload like {@link #claim}, but only if its last writer let it go (rather than
   * stopped renewing its lease).
   */
  boolean claimReleased(String id, long owner, long offset, String token, long now, long until) {
    return jdbc.sql(
                """
                UPDATE tus_uploads SET lock_token = ?, locked_until = ?
                WHERE id = ? AND owner_id = ? AND upload_offset = ? AND file_id IS NULL
                  AND lock_token IS NULL AND locked_until < ? AND expires_at > ?""")
            .params(token, until, id, owner, offset, now, now)
            .update()
        == 1;
  }

  /** Claims the upload to remove it, whatever its offset. */
  boolean claimAny(String id, long owner, String token, long now, long until) {
    return jdbc.sql(
                """
                UPDATE tus_uploads SET lock_token = ?, locked_until = ?
                WHERE id = ? AND owner_id = ? AND locked_until < ? AND expires_at > ?""")
            .params(token, until, id, owner, now, now)
            .update()
        == 1;
  }

  /** Claims an expired upload that nobody writes, to sweep it. */
  boolean claimExpired(String id, String token, long now, long until) {
    return jdbc.sql(
                """
                UPDATE tus_uploads SET lock_token = ?, locked_until = ?
                WHERE id = ? AND expires_at <= ? AND locked_until < ?""")
            .params(token, until, id, now, now)
            .update()
        == 1;
  }

  /** Extends the holder's lease; false if the holder lost it. */
  boolean renew(String id, String token, long until) {
    return jdbc.sql("UPDATE tus_uploads SET locked_until = ? WHERE id = ? AND lock_token = ?")
            .params(until, id, token)
            .update()
        == 1;
  }

  /** Gives the upload up, so another request may write it. */
  void release(String id, String token) {
    jdbc.sql(
            "UPDATE tus_uploads SET lock_token = NULL, locked_until = 0 WHERE id = ? AND lock_token = ?")
        .params(id, token)
        .update();
  }

  /**
   * Moves the offset past a piece the holder stored; false (and nothing changed) if the holder lost
   * the upload meanwhile. In the transaction that records the piece.
   */
  boolean advance(String id, String token, Piece piece, long expiresAt) {
    return jdbc.sql(
                """
                UPDATE tus_uploads SET upload_offset = upload_offset + ?, expires_at = ?
                WHERE id = ? AND lock_token = ? AND upload_offset = ?""")
            .params(piece.length(), expiresAt, id, token, piece.offset())
            .update()
        == 1;
  }

  /** Notes the file the upload became and releases it; false if the holder lost it. */
  boolean finish(String id, String token, long fileId, long expiresAt) {
    return jdbc.sql(
                """
                UPDATE tus_uploads SET file_id = ?, expires_at = ?, lock_token = NULL,
                                       locked_until = 0
                WHERE id = ? AND lock_token = ?""")
            .params(fileId, expiresAt, id, token)
            .update()
        == 1;
  }

  /**
   * Deletes the upload the holder claimed (its pieces go with it); empty if it lost it. In the
   * transaction that gives back what it reserved.
   */
  Optional<Removed> delete(String id, String token) {
    return jdbc.sql(
            "DELETE FROM tus_uploads WHERE id = ? AND lock_token = ? RETURNING owner_id, reserved")
        .params(id, token)
        .query((rs, n) -> new Removed(rs.getLong(1), rs.getLong(2)))
        .optional();
  }

  /** Up to {@code max} uploads that expired before {@code now} and that nobody writes. */
  List<String> expired(long now, int max) {
    return jdbc.sql("SELECT id FROM tus_uploads WHERE expires_at <= ? AND locked_until < ? LIMIT ?")
        .params(now, now, max)
        .query(String.class)
        .list();
  }
}
