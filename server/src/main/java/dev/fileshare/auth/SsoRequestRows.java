package dev.fileshare.auth;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sso_requests table: sign-ins started at an identity provider, found by the SHA-256 of their
 * state and of the browser cookie that binds them.
 */
@Repository
class SsoRequestRows {

  private final JdbcClient jdbc;

  SsoRequestRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(String stateHash, String browserHash, String request, long expiresAt) {
    jdbc.sql(
            """
            INSERT INTO sso_requests (state_hash, browser_hash, request, expires_at)
            VALUES (?, ?, ?, ?)""")
        .params(stateHash, browserHash, request, expiresAt)
        .update();
  }

  /** The request, if it is this browser's and has not ended; it stays. */
  Optional<String> find(String stateHash, String browserHash, long now) {
    return jdbc.sql(
            "SELECT request FROM sso_requests"
                + " WHERE state_hash = ? AND browser_hash = ? AND expires_at > ?")
        .params(stateHash, browserHash, now)
        .query(String.class)
        .optional();
  }

  /**
   * Takes the request away, if it is this browser's and has not ended: of two callbacks with the
   * same state, one gets it.
   */
  Optional<String> take(String stateHash, String browserHash, long now) {
    return jdbc.sql(
            "DELETE FROM sso_requests"
                + " WHERE state_hash = ? AND browser_hash = ? AND expires_at > ? RETURNING request")
        .params(stateHash, browserHash, now)
        .query(String.class)
        .optional();
  }

  int deleteExpired(long now) {
    return jdbc.sql("DELETE FROM sso_requests WHERE expires_at <= ?").param(now).update();
  }
}
