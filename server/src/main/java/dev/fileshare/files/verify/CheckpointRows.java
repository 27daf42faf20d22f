package dev.fileshare.files.verify;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The storage_verification table: where an interrupted run goes on, per kind and store. */
@Repository
class CheckpointRows {

  /**
   * A run's progress over one kind in one store: ids after {@code afterId} up to {@code lastId}.
   */
  record Checkpoint(long afterId, long lastId) {}

  private final JdbcClient jdbc;

  CheckpointRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Checkpoint> of(String kind, String store) {
    return jdbc.sql(
            "SELECT after_id, last_id FROM storage_verification WHERE kind = ? AND store = ?")
        .params(kind, store)
        .query((rs, n) -> new Checkpoint(rs.getLong(1), rs.getLong(2)))
        .optional();
  }

  void save(String kind, String store, Checkpoint checkpoint, long now) {
    jdbc.sql(
            """
            INSERT INTO storage_verification (kind, store, after_id, last_id, started_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (kind, store) DO UPDATE SET
                after_id = excluded.after_id, last_id = excluded.last_id,
                updated_at = excluded.updated_at""")
        .params(kind, store, checkpoint.afterId(), checkpoint.lastId(), now, now)
        .update();
  }

  /** Forgets every checkpoint: the next run starts from the beginning. */
  void clear() {
    jdbc.sql("DELETE FROM storage_verification WHERE kind <> 'pass'").update();
  }

  /**
   * Whether this node may start a scheduled run now: true for exactly one caller once {@code
   * interval} has passed since the last run started on any node.
   */
  boolean claimScheduledRun(long now, long intervalMillis) {
    jdbc.sql(
            "INSERT INTO storage_verification (kind, store, after_id, last_id, started_at,"
                + " updated_at) VALUES ('pass', 'all', 0, 0, 0, 0) ON CONFLICT (kind, store) DO"
                + " NOTHING")
        .update();
    return jdbc.sql(
                "UPDATE storage_verification SET started_at = ?, updated_at = ?"
                    + " WHERE kind = 'pass' AND store = 'all' AND started_at <= ?")
            .params(now, now, now - intervalMillis)
            .update()
        == 1;
  }
}
