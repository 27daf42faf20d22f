package dev.fileshare.auth;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sso_codes table: one-time codes for a token after a single sign-on, by their SHA-256. */
@Repository
class SsoCodeRows {

  private final JdbcClient jdbc;

  SsoCodeRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(String hash, long userId, long expiresAt) {
    jdbc.sql("INSERT INTO sso_codes (code_hash, user_id, expires_at) VALUES (?, ?, ?)")
        .params(hash, userId, expiresAt)
        .update();
  }

  /** Uses the code up: its user, if it exists and has not ended; of two requests, one gets it. */
  Optional<Long> take(String hash, long now) {
    return jdbc.sql(
            "DELETE FROM sso_codes WHERE code_hash = ? AND expires_at > ? RETURNING user_id")
        .params(hash, now)
        .query(Long.class)
        .optional();
  }

  int deleteExpired(long now) {
    return jdbc.sql("DELETE FROM sso_codes WHERE expires_at <= ?").param(now).update();
  }
}
