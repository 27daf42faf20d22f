package dev.fileshare.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The users table. Names and addresses are looked up by their lower-case key. */
@Repository
class UserRows {

  private static final String COLUMNS =
      "id, username, email, password_hash, email_verified AS verified, joined_at";

  /** By position: the record mapper of {@code query(Class)} throws for every snake_case column. */
  private static final RowMapper<UserRow> MAPPER =
      (rs, n) ->
          new UserRow(
              rs.getLong(1),
              rs.getString(2),
              rs.getString(3),
              rs.getString(4),
              rs.getBoolean(5),
              rs.getLong(6));

  private final JdbcClient jdbc;

  UserRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  static String key(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  Optional<UserRow> byId(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ?")
        .param(id)
        .query(MAPPER)
        .optional();
  }

  Optional<UserRow> byUsername(String username) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE username_key = ?")
        .param(key(username))
        .query(MAPPER)
        .optional();
  }

  Optional<UserRow> byEmail(String email) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email_key = ?")
        .param(key(email))
        .query(MAPPER)
        .optional();
  }

  List<UserRow> byIds(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id IN (:ids)")
        .param("ids", ids)
        .query(MAPPER)
        .list();
  }

  /**
   * Usernames of verified users whose name starts with {@code prefix}, by name: a range of the
   * {@code users_username_prefix} index ({@code LIKE 'abc%'} is read as one on both databases).
   */
  List<String> verifiedStartingWith(String prefix, int limit) {
    var pattern = key(prefix).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return jdbc.sql(
            "SELECT username FROM users WHERE username_key LIKE ? ESCAPE '\\'"
                + " AND email_verified = ? ORDER BY username_key LIMIT ?")
        .params(pattern, true, limit)
        .query(String.class)
        .list();
  }

  long insert(String username, String email, String passwordHash, long joinedAt) {
    return jdbc.sql(
            """
            INSERT INTO users (username, username_key, email, email_key, password_hash,
                               email_verified, joined_at)
            VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
        .params(username, key(username), email, key(email), passwordHash, false, joinedAt)
        .query(Long.class)
        .single();
  }

  void markVerified(long id) {
    jdbc.sql("UPDATE users SET email_verified = ? WHERE id = ?").params(true, id).update();
  }

  void setPasswordHash(long id, String passwordHash) {
    jdbc.sql("UPDATE users SET password_hash = ? WHERE id = ?").params(passwordHash, id).update();
  }
}
