package dev.fileshare.sharing;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The recipient_codes table: one code per scope and address key. Taking a try and using a code are
 * single conditional updates, so a code is used at most once and tried at most as often as allowed,
 * however many nodes are asked at once.
 */
@Repository
class CodeRows {

  private static final int DELETE_BATCH = 1000;

  /** A code as stored. */
  record Code(String scope, String codeHash, int tries, long expiresAt, @Nullable Long usedAt) {}

  private final JdbcClient jdbc;

  CodeRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores a new code for the scope and address, replacing the one before with its tries. */
  void put(String scope, String addressKey, String codeHash, long expiresAt) {
    jdbc.sql(
            "INSERT INTO recipient_codes (scope, address_key, code_hash, tries, expires_at, used_at)"
                + " VALUES (?, ?, ?, 0, ?, NULL) ON CONFLICT (scope, address_key) DO UPDATE SET"
                + " code_hash = excluded.code_hash, tries = 0, expires_at = excluded.expires_at,"
                + " used_at = NULL")
        .params(scope, addressKey, codeHash, expiresAt)
        .update();
  }

  /**
   * Counts one try of the code if it is unused, unexpired and has tries left; answers the code with
   * this try counted, or empty when none was taken.
   */
  Optional<Code> takeTry(String scope, String addressKey, int maxTries, long now) {
    return jdbc.sql(
            "UPDATE recipient_codes SET tries = tries + 1 WHERE scope = ? AND address_key = ?"
                + " AND used_at IS NULL AND tries < ? AND expires_at > ?"
                + " RETURNING scope, code_hash, tries, expires_at, used_at")
        .params(scope, addressKey, maxTries, now)
        .query(Code.class)
        .optional();
  }

  Optional<Code> find(String scope, String addressKey) {
    return jdbc.sql(
            "SELECT scope, code_hash, tries, expires_at, used_at FROM recipient_codes"
                + " WHERE scope = ? AND address_key = ?")
        .params(scope, addressKey)
        .query(Code.class)
        .optional();
  }

  /** The address's codes for other scopes that could still be used. */
  List<Code> elsewhere(String scope, String addressKey, long now) {
    return jdbc.sql(
            "SELECT scope, code_hash, tries, expires_at, used_at FROM recipient_codes"
                + " WHERE address_key = ? AND scope <> ? AND used_at IS NULL AND expires_at > ?")
        .params(addressKey, scope, now)
        .query(Code.class)
        .list();
  }

  /** Marks the code used; false when another request used it first. */
  boolean use(String scope, String addressKey, long now) {
    return jdbc.sql(
                "UPDATE recipient_codes SET used_at = ? WHERE scope = ? AND address_key = ?"
                    + " AND used_at IS NULL")
            .params(now, scope, addressKey)
            .update()
        == 1;
  }

  int deleteExpired(long now) {
    return jdbc.sql(
            "DELETE FROM recipient_codes WHERE (scope, address_key) IN"
                + " (SELECT scope, address_key FROM recipient_codes WHERE expires_at <= ? LIMIT ?)")
        .params(now, DELETE_BATCH)
        .update();
  }
}
