package dev.fileshare.requests;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The request_visits table: visits of a request, under the hash of the secret that shows them. */
@Repository
class VisitRows {

  private static final int DELETE_BATCH = 1000;

  /**
   * A visit that has not expired: whether the request's password was given in it, and the address
   * its visitor proved with a code, if any.
   */
  record Visit(String hash, long requestId, boolean unlocked, @Nullable String address) {}

  private final JdbcClient jdbc;

  VisitRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(String hash, long requestId, boolean unlocked, long expiresAt) {
    jdbc.sql(
            "INSERT INTO request_visits (visit_hash, request_id, unlocked, expires_at)"
                + " VALUES (?, ?, ?, ?)")
        .params(hash, requestId, unlocked, expiresAt)
        .update();
  }

  Optional<Visit> find(String hash, long requestId, long now) {
    return jdbc.sql(
            "SELECT unlocked, address FROM request_visits WHERE visit_hash = ? AND request_id = ?"
                + " AND expires_at > ?")
        .params(hash, requestId, now)
        .query((rs, n) -> new Visit(hash, requestId, rs.getBoolean(1), rs.getString(2)))
        .optional();
  }

  /** Records the address the visitor proved. */
  void prove(String hash, long requestId, String address) {
    jdbc.sql("UPDATE request_visits SET address = ? WHERE visit_hash = ? AND request_id = ?")
        .params(address, hash, requestId)
        .update();
  }

  /** Ends the unlocked visits of a request whose password changed. */
  void lockAll(long requestId) {
    jdbc.sql("UPDATE request_visits SET unlocked = FALSE WHERE request_id = ?")
        .param(requestId)
        .update();
  }

  int deleteExpired(long now) {
    return jdbc.sql(
            "DELETE FROM request_visits WHERE visit_hash IN"
                + " (SELECT visit_hash FROM request_visits WHERE expires_at <= ? LIMIT ?)")
        .params(now, DELETE_BATCH)
        .update();
  }
}
