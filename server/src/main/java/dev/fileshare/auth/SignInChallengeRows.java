package dev.fileshare.auth;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sign_in_challenges table: halfway sign-ins, found by the SHA-256 of the challenge. */
@Repository
class SignInChallengeRows {

  record Row(long id, long userId, String purpose, long expiresAt) {}

  private final JdbcClient jdbc;

  SignInChallengeRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(String hash, long userId, String purpose, long expiresAt) {
    jdbc.sql(
            """
            INSERT INTO sign_in_challenges (challenge_hash, user_id, purpose, expires_at)
            VALUES (?, ?, ?, ?)""")
        .params(hash, userId, purpose, expiresAt)
        .update();
  }

  Optional<Row> byHash(String hash) {
    return jdbc.sql(
            "SELECT id, user_id, purpose, expires_at FROM sign_in_challenges"
                + " WHERE challenge_hash = ?")
        .param(hash)
        .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4)))
        .optional();
  }

  /** Uses the challenge up; false when another request used it first. */
  boolean delete(long id) {
    return jdbc.sql("DELETE FROM sign_in_challenges WHERE id = ?").param(id).update() == 1;
  }

  void deleteExpired(long now) {
    jdbc.sql("DELETE FROM sign_in_challenges WHERE expires_at <= ?").param(now).update();
  }
}
