package dev.fileshare.auth;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The two_factor table (one row per user who set up two-factor sign-in) and the recovery_codes
 * table (only the SHA-256 of each code). Secrets are sealed and opened here ({@link SecretCipher}),
 * so the rest of the code sees them as the authenticator app does.
 */
@Repository
class TwoFactorRows {

  private static final Logger log = LoggerFactory.getLogger(TwoFactorRows.class);

  /**
   * One user's two-factor sign-in.
   *
   * @param secret the secret; null when it is sealed under a key this server does not have
   */
  record Row(long userId, @Nullable String secret, @Nullable Long enabledAt, long lastStep) {

    boolean enabled() {
      return enabledAt != null;
    }
  }

  /** A secret as it is stored, for the sweep that writes it again under the current key. */
  record Stored(long userId, String secret) {}

  private final JdbcClient jdbc;
  private final SecretCipher cipher;

  TwoFactorRows(JdbcClient jdbc, AuthSettings settings) {
    this.jdbc = jdbc;
    this.cipher = SecretCipher.of(settings);
  }

  Optional<Row> byUser(long userId) {
    return jdbc.sql(
            "SELECT user_id, secret, enabled_at, last_step FROM two_factor WHERE user_id = ?")
        .param(userId)
        .query(
            (rs, n) ->
                new Row(
                    rs.getLong(1),
                    open(rs.getLong(1), rs.getString(2)),
                    rs.getObject(3) == null ? null : rs.getLong(3),
                    rs.getLong(4)))
        .optional();
  }

  private @Nullable String open(long userId, String stored) {
    var secret = cipher.open(userId, stored);
    if (secret.isEmpty()) {
      log.error(
          "The two-factor secret of user {} is sealed under key {}, which is not in"
              + " fileshare.auth.encryption-key or previous-encryption-keys: their codes are"
              + " refused (recovery codes still work)",
          userId,
          SecretCipher.keyId(stored).orElse("?"));
    }
    return secret.orElse(null);
  }

  /**
   * Up to {@code limit} rows after {@code afterUserId}, in id order, whose secret is not stored as
   * {@link SecretCipher#seal} writes it now; {@code lastUserId} is where the next batch starts.
   */
  Batch notCurrent(long afterUserId, int limit) {
    var rows =
        jdbc.sql(
                "SELECT user_id, secret FROM two_factor WHERE user_id > ?"
                    + " ORDER BY user_id LIMIT ?")
            .params(afterUserId, limit)
            .query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2)))
            .list();
    var last = rows.isEmpty() ? afterUserId : rows.get(rows.size() - 1).userId();
    return new Batch(
        rows.stream().filter(row -> !cipher.isCurrent(row.secret())).toList(),
        last,
        rows.size() == limit);
  }

  /** A batch of a walk in id order: its rows, the id to go on after, and whether there is more. */
  record Batch(List<Stored> rows, long lastUserId, boolean more) {}

  /**
   * Writes the secret again as {@link SecretCipher#seal} does now; false when it could not be read
   * or changed meanwhile (a new setup), which leaves the row alone.
   */
  boolean reseal(Stored stored) {
    var secret = cipher.open(stored.userId(), stored.secret());
    if (secret.isEmpty()) {
      return false;
    }
    return jdbc.sql("UPDATE two_factor SET secret = ? WHERE user_id = ? AND secret = ?")
            .params(cipher.seal(stored.userId(), secret.get()), stored.userId(), stored.secret())
            .update()
        == 1;
  }

  /** Of these users (at most a page of them), those with two-factor sign-in on. */
  List<Long> enabledAmong(List<Long> userIds) {
    return jdbc.sql(
            "SELECT user_id FROM two_factor WHERE enabled_at IS NOT NULL AND user_id IN (:ids)")
        .param("ids", userIds)
        .query(Long.class)
        .list();
  }

  /** Whether any key is set, so that stored secrets may need writing again. */
  boolean sealing() {
    return cipher.hasKeys();
  }

  /** A new secret waiting for its first code; replaces one that was never confirmed. */
  boolean savePending(long userId, String secret, long now) {
    return jdbc.sql(
                """
                INSERT INTO two_factor (user_id, secret, created_at) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret,
                  created_at = excluded.created_at, last_step = 0
                WHERE two_factor.enabled_at IS NULL""")
            .params(userId, cipher.seal(userId, secret), now)
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
