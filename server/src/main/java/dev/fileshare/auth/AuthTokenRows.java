package dev.fileshare.auth;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The auth_tokens table: one row per sign-in, keyed by the SHA-256 of the token. */
@Repository
class AuthTokenRows {

  record Row(long id, long userId, long createdAt, long lastUsedAt, long expiresAt) {}

  /** A sign-in as its user sees it in the list of their sign-ins. */
  record Listed(
      long id,
      long createdAt,
      long lastUsedAt,
      long expiresAt,
      @Nullable String userAgent,
      @Nullable String address) {}

  /** By position: the record mapper of {@code query(Class)} throws for every snake_case column. */
  private static final RowMapper<Row> MAPPER =
      (rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));

  private final JdbcClient jdbc;

  AuthTokenRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String hash, long userId, long now, long expiresAt, SignInClient client) {
    return jdbc.sql(
            """
            INSERT INTO auth_tokens
                (token_hash, user_id, created_at, last_used_at, expires_at, user_agent, address)
            VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
        .params(hash, userId, now, now, expiresAt, client.userAgent(), client.address())
        .query(Long.class)
        .single();
  }

  /**
   * A page of the user's sign-ins that still work, newest first: ids below {@code before}, none
   * that ended at {@code now} or was last used at {@code idleCutoff} or before.
   */
  List<Listed> page(long userId, long before, int limit, long now, long idleCutoff) {
    return jdbc.sql(
            """
            SELECT id, created_at, last_used_at, expires_at, user_agent, address FROM auth_tokens
            WHERE user_id = ? AND id < ? AND expires_at > ? AND last_used_at > ?
            ORDER BY id DESC LIMIT ?""")
        .params(userId, before, now, idleCutoff, limit)
        .query(
            (rs, n) ->
                new Listed(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getString(5),
                    rs.getString(6)))
        .list();
  }

  /** Deletes the user's sign-in; false when they have none of that id. */
  boolean deleteOf(long userId, long id) {
    return jdbc.sql("DELETE FROM auth_tokens WHERE id = ? AND user_id = ?")
            .params(id, userId)
            .update()
        > 0;
  }

  Optional<Row> byHash(String hash) {
    return jdbc.sql(
            "SELECT id, user_id, created_at, last_used_at, expires_at FROM auth_tokens"
                + " WHERE token_hash = ?")
        .param(hash)
        .query(MAPPER)
        .optional();
  }

  Optional<Row> byId(long id) {
    return jdbc.sql(
            "SELECT id, user_id, created_at, last_used_at, expires_at FROM auth_tokens WHERE id = ?")
        .param(id)
        .query(MAPPER)
        .optional();
  }

  void touch(long id, long now) {
    jdbc.sql("UPDATE auth_tokens SET last_used_at = ? WHERE id = ?").params(now, id).update();
  }

  void delete(long id) {
    jdbc.sql("DELETE FROM auth_tokens WHERE id = ?").param(id).update();
  }

  void deleteAllOf(long userId) {
    jdbc.sql("DELETE FROM auth_tokens WHERE user_id = ?").param(userId).update();
  }

  void deleteAllOfExcept(long userId, long keepId) {
    jdbc.sql("DELETE FROM auth_tokens WHERE user_id = ? AND id <> ?")
        .params(userId, keepId)
        .update();
  }

  int deleteExpired(long now, long idleCutoff) {
    return jdbc.sql("DELETE FROM auth_tokens WHERE expires_at <= ? OR last_used_at <= ?")
        .params(now, idleCutoff)
        .update();
  }
}
