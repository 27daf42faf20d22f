package dev.fileshare.auth;

import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The auth_tokens table: one row per sign-in, keyed by the SHA-256 of the token. */
@Repository
class AuthTokenRows {

  record Row(long id, long userId, long createdAt, long lastUsedAt, long expiresAt) {}

  /** By position: the record mapper of {@code query(Class)} throws for every snake_case column. */
  private static final RowMapper<Row> MAPPER =
      (rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));

  private final JdbcClient jdbc;

  AuthTokenRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String hash, long userId, long now, long expiresAt) {
    return jdbc.sql(
            """
            INSERT INTO auth_tokens (token_hash, user_id, created_at, last_used_at, expires_at)
            VALUES (?, ?, ?, ?, ?) RETURNING id""")
        .params(hash, userId, now, now, expiresAt)
        .query(Long.class)
        .single();
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
