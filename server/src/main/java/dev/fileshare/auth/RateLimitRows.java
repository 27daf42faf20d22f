package dev.fileshare.auth;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rate_limits table: one fixed window per bucket, shared by every node. Counting is a single
 * upsert, atomic on SQLite and PostgreSQL alike, so requests that arrive at several nodes at once
 * are all counted.
 */
@Repository
class RateLimitRows {

  /** A bucket's window: the requests counted in it and when it ends (epoch milliseconds). */
  record Window(long hits, long windowEnd) {}

  private final JdbcClient jdbc;

  RateLimitRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Counts one request: in the bucket's current window, or in a new one of {@code periodMillis}
   * from {@code now} when the last one has ended. Answers the window with this request counted.
   */
  Window hit(String bucket, long now, long periodMillis) {
    return jdbc.sql(
            """
            INSERT INTO rate_limits (bucket, hits, window_end) VALUES (:bucket, 1, :end)
            ON CONFLICT (bucket) DO UPDATE SET
              hits = CASE WHEN rate_limits.window_end <= :now THEN 1
                          ELSE rate_limits.hits + 1 END,
              window_end = CASE WHEN rate_limits.window_end <= :now THEN :end
                                ELSE rate_limits.window_end END
            RETURNING hits, window_end""")
        .param("bucket", bucket)
        .param("now", now)
        .param("end", now + periodMillis)
        .query(Window.class)
        .single();
  }

  Optional<Window> find(String bucket) {
    return jdbc.sql("SELECT hits, window_end FROM rate_limits WHERE bucket = ?")
        .param(bucket)
        .query(Window.class)
        .optional();
  }

  int deleteEnded(long now) {
    return jdbc.sql("DELETE FROM rate_limits WHERE window_end <= ?").param(now).update();
  }
}
