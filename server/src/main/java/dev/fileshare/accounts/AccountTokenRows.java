package dev.fileshare.accounts;

import dev.fileshare.shared.Secrets;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single-use secrets sent by mail (verification and password reset links). Only their SHA-256 is
 * stored; a new one replaces every earlier one of the same purpose for that user.
 */
@Repository
class AccountTokenRows {

  enum Purpose {
    VERIFY_EMAIL,
    RESET_PASSWORD
  }

  /** 256 random bits. */
  static final int BYTES = 32;

  private final JdbcClient jdbc;

  AccountTokenRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Replaces the user's earlier tokens of this purpose with a new one; returns the raw token. */
  String replace(long userId, Purpose purpose, long now, long expiresAt) {
    jdbc.sql("DELETE FROM account_tokens WHERE user_id = ? AND purpose = ?")
        .params(userId, purpose.name())
        .update();
    var token = Secrets.generate(BYTES);
    jdbc.sql(
            """
            INSERT INTO account_tokens (token_hash, user_id, purpose, created_at, expires_at)
            VALUES (?, ?, ?, ?, ?)""")
        .params(Secrets.hash(token), userId, purpose.name(), now, expiresAt)
        .update();
    return token;
  }

  /**
   * Uses up a token: deletes it and answers its user, if it existed with that purpose and had not
   * expired. A second call with the same token finds nothing.
   */
  Optional<Long> consume(String token, Purpose purpose, long now) {
    if (!Secrets.looksLike(token, BYTES)) {
      return Optional.empty();
    }
    var hash = Secrets.hash(token);
    var owner = peek(token, purpose, now);
    var deleted = jdbc.sql("DELETE FROM account_tokens WHERE token_hash = ?").param(hash).update();
    return deleted == 1 ? owner : Optional.empty();
  }

  /** The user a token belongs to, without using it up. */
  Optional<Long> peek(String token, Purpose purpose, long now) {
    if (!Secrets.looksLike(token, BYTES)) {
      return Optional.empty();
    }
    return jdbc.sql(
            "SELECT user_id FROM account_tokens WHERE token_hash = ? AND purpose = ?"
                + " AND expires_at > ?")
        .params(Secrets.hash(token), purpose.name(), now)
        .query(Long.class)
        .optional();
  }

  void deleteExpired(long now) {
    jdbc.sql("DELETE FROM account_tokens WHERE expires_at <= ?").param(now).update();
  }
}
