package dev.fileshare.auth;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The api_keys table: one row per key, found by the SHA-256 of the key through its unique index.
 * Scopes are kept as their names separated by spaces.
 */
@Repository
class ApiKeyRows {

  record Row(
      long id,
      long userId,
      String name,
      String scopes,
      long createdAt,
      @Nullable Long expiresAt,
      @Nullable Long lastUsedAt) {}

  private static final String COLUMNS =
      "id, user_id, name, scopes, created_at, expires_at, last_used_at";

  /** By position: the record mapper of {@code query(Class)} throws for every snake_case column. */
  private static final RowMapper<Row> MAPPER =
      (rs, n) ->
          new Row(
              rs.getLong(1),
              rs.getLong(2),
              rs.getString(3),
              rs.getString(4),
              rs.getLong(5),
              rs.getObject(6) == null ? null : rs.getLong(6),
              rs.getObject(7) == null ? null : rs.getLong(7));

  private final JdbcClient jdbc;

  ApiKeyRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Row insert(
      String hash, long userId, String name, String scopes, long now, @Nullable Long expires) {
    var id =
        jdbc.sql(
                """
                INSERT INTO api_keys (user_id, name, key_hash, scopes, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
            .params(userId, name, hash, scopes, now, expires)
            .query(Long.class)
            .single();
    return new Row(id, userId, name, scopes, now, expires, null);
  }

  Optional<Row> byHash(String hash) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = ?")
        .param(hash)
        .query(MAPPER)
        .optional();
  }

  /** The user's keys, oldest first (at most the cap of keys per user). */
  List<Row> ofUser(long userId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE user_id = ? ORDER BY id")
        .param(userId)
        .query(MAPPER)
        .list();
  }

  int count(long userId) {
    return jdbc.sql("SELECT COUNT(*) FROM api_keys WHERE user_id = ?")
        .param(userId)
        .query(Integer.class)
        .single();
  }

  void touch(long id, long now) {
    jdbc.sql("UPDATE api_keys SET last_used_at = ? WHERE id = ?").params(now, id).update();
  }

  /** Whether the user had the key. */
  boolean delete(long userId, long id) {
    return jdbc.sql("DELETE FROM api_keys WHERE id = ? AND user_id = ?").params(id, userId).update()
        > 0;
  }

  int deleteExpired(long now) {
    return jdbc.sql("DELETE FROM api_keys WHERE expires_at <= ?").param(now).update();
  }
}
