package dev.fileshare.auth;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The two_factor table (one row per user who set up two-factor sign-in) and the recovery_codes
 * table (only the SHA-256 of each code).
 */
@Repository
class TwoFactorRows {

  record Row(long userId, String secret, @Nullable Long enabledAt, long lastStep) {

    boolean enabled() {
      return enabledAt != null;
    }
  }

  private static final RowMapper<Row> MAPPER =
      (rs, n) ->
          new Row(
              rs.getLong(1),
              rs.getString(2),
              rs.getObject(3) == null ? null : rs.getLong(3),
              rs.getLong(4));

  private final JdbcClient jdbc;

  TwoFactorRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Row> byUser(long userId) {
    return jdbc.sql(
            "SELECT user_id, secret, enabled_at, last_step FROM two_factor WHERE user_id = ?")
        .param(userId)
        .query(MAPPER)
        .optional();
  }

  /** A new secret waiting for its first code; replaces one that was never confirmed. */
  boolean savePending(long userId, String secret, long now) {
    return jdbc.sql(
                """
                INSERT INTO two_factor (user_id, secret, created_at) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret,
                  created_at = excluded.created_at, last_step = 0
                WHERE two_factor.enabled_at IS NULL""")
            .params(userId, secret, now)
            .update()
        == 1;
  }

  /** Turns it on with the step of the confirming code; false when it was on already. */
  boolean enable(long userId, long step, long now) {
    return jdbc.sql(
                "UPDATE two_factor SET enabled_at = ?, last_step = ?"
                    + " WHERE user_id = ? AND enabled_at IS NULL")
            .params(now, step, userId)
            .update()
        == 1;
  }

  /**
   * Takes the step of a code; false when this step or a later one was taken already (a replay, or a
   * code raced by another request).
   */
  boolean takeStep(long userId, long step) {
    return jdbc.sql("UPDATE two_factor SET last_step = ? WHERE user_id = ? AND last_step < ?")
            .params(step, userId, step)
            .update()
        == 1;
  }

  void delete(long userId) {
    jdbc.sql("DELETE FROM recovery_codes WHERE user_id = ?").param(userId).update();
    jdbc.sql("DELETE FROM two_factor WHERE user_id = ?").param(userId).update();
  }

  void replaceRecoveryCodes(long userId, List<String> hashes) {
    jdbc.sql("DELETE FROM recovery_codes WHERE user_id = ?").param(userId).update();
    for (var hash : hashes) {
      jdbc.sql("INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)")
          .params(userId, hash)
          .update();
    }
  }

  /** Uses up a recovery code; false when the user has no such code (or it was used). */
  boolean useRecoveryCode(long userId, String hash) {
    return jdbc.sql("DELETE FROM recovery_codes WHERE user_id = ? AND code_hash = ?")
            .params(userId, hash)
            .update()
        == 1;
  }

  int recoveryCodesLeft(long userId) {
    return jdbc.sql("SELECT COUNT(*) FROM recovery_codes WHERE user_id = ?")
        .param(userId)
        .query(Integer.class)
        .single();
  }
}
