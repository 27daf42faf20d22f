package dev.fileshare.auth;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sign_in_places table: the browsers and networks each user signed in from, and when. */
@Repository
class SignInPlaceRows {

  private final JdbcClient jdbc;

  SignInPlaceRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean any(long userId) {
    return jdbc.sql("SELECT 1 FROM sign_in_places WHERE user_id = ? LIMIT 1")
        .param(userId)
        .query(Integer.class)
        .optional()
        .isPresent();
  }

  /** Marks the place seen now; true when it was not there before. */
  boolean see(long userId, String browser, String network, long now) {
    var seen =
        jdbc.sql(
                "UPDATE sign_in_places SET last_seen_at = ?"
                    + " WHERE user_id = ? AND browser = ? AND network = ?")
            .params(now, userId, browser, network)
            .update();
    if (seen > 0) {
      return false;
    }
    // two sign-ins from a new place at once: the second finds it there, and is not new
    return jdbc.sql(
                """
                INSERT INTO sign_in_places (user_id, browser, network, first_seen_at, last_seen_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id, browser, network) DO NOTHING""")
            .params(userId, browser, network, now, now)
            .update()
        > 0;
  }

  /** Removes a batch of places unseen since the cutoff; how many went. */
  int forgetBefore(long cutoff, int batch) {
    return jdbc.sql(
            "DELETE FROM sign_in_places WHERE (user_id, browser, network) IN"
                + " (SELECT user_id, browser, network FROM sign_in_places WHERE last_seen_at < ?"
                + " ORDER BY last_seen_at LIMIT ?)")
        .params(cutoff, batch)
        .update();
  }
}
