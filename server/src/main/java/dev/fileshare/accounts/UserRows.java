package dev.fileshare.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The users table. Names and addresses are looked up by their lower-case key. */
@Repository
class UserRows {

  private static final String COLUMNS =
      "id, username, email, password_hash, email_verified AS verified, joined_at, is_admin,"
          + " disabled_at, last_login_at, approval_requested_at";

  /** By position: the record mapper of {@code query(Class)} throws for every snake_case column. */
  private static final RowMapper<UserRow> MAPPER =
      (rs, n) ->
          new UserRow(
              rs.getLong(1),
              rs.getString(2),
              rs.getString(3),
              rs.getString(4),
              rs.getBoolean(5),
              rs.getLong(6),
              rs.getBoolean(7),
              nullableLong(rs, 8),
              nullableLong(rs, 9),
              nullableLong(rs, 10));

  private static final String LAST_CODE_POINT = new String(Character.toChars(0x10FFFF));

  private final JdbcClient jdbc;

  UserRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static @Nullable Long nullableLong(ResultSet rs, int column) throws SQLException {
    var value = rs.getLong(column);
    return rs.wasNull() ? null : value;
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

  /** A new account; {@code approvalRequestedAt} non-null: it waits for approval since then. */
  long insert(
      String username,
      String email,
      String passwordHash,
      long joinedAt,
      @Nullable Long approvalRequestedAt) {
    return jdbc.sql(
            """
            INSERT INTO users (username, username_key, email, email_key, password_hash,
                               email_verified, joined_at, approval_requested_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
        .params(
            username,
            key(username),
            email,
            key(email),
            passwordHash,
            false,
            joinedAt,
            approvalRequestedAt)
        .query(Long.class)
        .single();
  }

  void markVerified(long id) {
    jdbc.sql("UPDATE users SET email_verified = ? WHERE id = ?").params(true, id).update();
  }

  /**
   * A page of users in the order of {@code column} ({@code username_key} or {@code email_key}, each
   * with a unique index): those whose key starts with {@code prefix} (all for an empty one) and
   * comes after {@code after}, one range of that index. Both databases compare the keys byte by
   * byte (V20), so the keys that start with a prefix are those from it up to it followed by the
   * last code point. {@code awaitingApproval}: only the accounts that wait for approval, a range of
   * the partial index on that column (V22).
   */
  List<UserRow> page(
      String column, String prefix, String after, int limit, boolean awaitingApproval) {
    if (!column.equals("username_key") && !column.equals("email_key")) {
      throw new IllegalArgumentException(column);
    }
    var range = prefix.isEmpty() ? "" : " AND " + column + " >= :from AND " + column + " < :to";
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM users WHERE "
                + column
                + " > :after"
                + range
                + (awaitingApproval ? " AND approval_requested_at IS NOT NULL" : "")
                + " ORDER BY "
                + column
                + " LIMIT :limit")
        .param("after", after)
        .param("from", key(prefix))
        .param("to", key(prefix) + LAST_CODE_POINT)
        .param("limit", limit)
        .query(MAPPER)
        .list();
  }

  /** Makes the user an administrator or not; whether that changed anything. */
  boolean setAdmin(long id, boolean admin) {
    return jdbc.sql("UPDATE users SET is_admin = ? WHERE id = ? AND is_admin <> ?")
            .params(admin, id, admin)
            .update()
        == 1;
  }

  /** Disables the account from {@code at}; false when it was disabled already. */
  boolean disable(long id, long at) {
    return jdbc.sql("UPDATE users SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL")
            .params(at, id)
            .update()
        == 1;
  }

  /**
   * Deletes the account's row; what refers to it goes with it (foreign keys ON DELETE CASCADE) or
   * forgets it (SET NULL). False when there was none.
   */
  boolean delete(long id) {
    return jdbc.sql("DELETE FROM users WHERE id = ?").param(id).update() == 1;
  }

  /** Enables a disabled account; false when it was not disabled. */
  boolean enable(long id) {
    return jdbc.sql("UPDATE users SET disabled_at = NULL WHERE id = ? AND disabled_at IS NOT NULL")
            .param(id)
            .update()
        == 1;
  }

  /** Lets an account that waits for approval sign in; false when it did not wait. */
  boolean approve(long id) {
    return jdbc.sql(
                "UPDATE users SET approval_requested_at = NULL WHERE id = ?"
                    + " AND approval_requested_at IS NOT NULL")
            .param(id)
            .update()
        == 1;
  }

  void recordLogin(long id, long at) {
    jdbc.sql("UPDATE users SET last_login_at = ? WHERE id = ?").params(at, id).update();
  }

  void setPasswordHash(long id, String passwordHash) {
    jdbc.sql("UPDATE users SET password_hash = ? WHERE id = ?").params(passwordHash, id).update();
  }
}
