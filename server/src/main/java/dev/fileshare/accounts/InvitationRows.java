package dev.fileshare.accounts;

import dev.fileshare.shared.Secrets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The invitations table. Only a token's SHA-256 is stored; addresses match by lower-case key. */
@Repository
class InvitationRows {

  /** 256 random bits, as the other mailed tokens. */
  static final int BYTES = 32;

  private static final String COLUMNS =
      "i.id, i.email, u.username, i.by_admin, i.created_at, i.expires_at, i.used_at,"
          + " i.revoked_at";

  private static final RowMapper<Row> MAPPER =
      (rs, n) ->
          new Row(
              rs.getLong(1),
              rs.getString(2),
              rs.getString(3),
              rs.getBoolean(4),
              rs.getLong(5),
              rs.getLong(6),
              nullableLong(rs, 7),
              nullableLong(rs, 8));

  /** A row, with the inviter's username (null when their account is gone). */
  record Row(
      long id,
      String email,
      @Nullable String invitedBy,
      boolean byAdmin,
      long createdAt,
      long expiresAt,
      @Nullable Long usedAt,
      @Nullable Long revokedAt) {}

  private final JdbcClient jdbc;

  InvitationRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static @Nullable Long nullableLong(ResultSet rs, int column) throws SQLException {
    var value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  /** Stores a new invitation and answers its id and raw token. */
  Created insert(String email, long invitedBy, boolean byAdmin, long now, long expiresAt) {
    var token = Secrets.generate(BYTES);
    var id =
        jdbc.sql(
                """
                INSERT INTO invitations (token_hash, email, email_key, invited_by, by_admin,
                                         created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
            .params(
                Secrets.hash(token), email, UserRows.key(email), invitedBy, byAdmin, now, expiresAt)
            .query(Long.class)
            .single();
    return new Created(id, token);
  }

  record Created(long id, String token) {}

  /** The invitation of this token if it can still be used: not used, revoked or expired. */
  Optional<Row> usable(String token, long now) {
    if (!Secrets.looksLike(token, BYTES)) {
      return Optional.empty();
    }
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM invitations i LEFT JOIN users u ON u.id = i.invited_by"
                + " WHERE i.token_hash = ? AND i.used_at IS NULL AND i.revoked_at IS NULL"
                + " AND i.expires_at > ?")
        .params(Secrets.hash(token), now)
        .query(MAPPER)
        .optional();
  }

  /** Uses the invitation up for the new account; false when it was used or revoked meanwhile. */
  boolean use(long id, long userId, long now) {
    return jdbc.sql(
                "UPDATE invitations SET used_at = ?, used_by = ? WHERE id = ? AND used_at IS NULL"
                    + " AND revoked_at IS NULL AND expires_at > ?")
            .params(now, userId, id, now)
            .update()
        == 1;
  }

  Optional<Row> byId(long id) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM invitations i LEFT JOIN users u ON u.id = i.invited_by WHERE i.id = ?")
        .param(id)
        .query(MAPPER)
        .optional();
  }

  /** Newest first, those with an id below {@code before}: one range of the primary key. */
  List<Row> page(long before, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM invitations i LEFT JOIN users u ON u.id = i.invited_by"
                + " WHERE i.id < ? ORDER BY i.id DESC LIMIT ?")
        .params(before, limit)
        .query(MAPPER)
        .list();
  }

  /** Revokes an invitation that is not used; false when it was used or revoked already. */
  boolean revoke(long id, long now) {
    return jdbc.sql(
                "UPDATE invitations SET revoked_at = ? WHERE id = ? AND used_at IS NULL"
                    + " AND revoked_at IS NULL")
            .params(now, id)
            .update()
        == 1;
  }
}
