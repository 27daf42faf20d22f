package dev.fileshare.activity;

import dev.fileshare.shared.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The activity table. A feed is read by id, newest first, from an id on, along the index of its
 * user (and file): an index range however long the feed is, never an OFFSET that reads what it
 * skips. Old entries go in batches along the index of their time.
 */
@Repository
class ActivityRows {

  static final int DELETE_BATCH = 1000;
  private static final String COLUMNS =
      "id, user_id, actor_id, file_id, file_name, action, detail, created_at";

  private final JdbcClient jdbc;

  ActivityRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(
      UserId user,
      Optional<UserId> actor,
      long fileId,
      String fileName,
      String action,
      String detail,
      long at) {
    jdbc.sql(
            "INSERT INTO activity (user_id, actor_id, file_id, file_name, action, detail,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            user.value(),
            actor.map(UserId::value).orElse(null),
            fileId,
            fileName,
            action,
            detail,
            at)
        .update();
  }

  /** The user's entries with ids below {@code before}, newest first. */
  List<ActivityRow> ofUser(UserId user, long before, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM activity WHERE user_id = ? AND id < ? ORDER BY id DESC LIMIT ?")
        .params(user.value(), before, limit)
        .query((rs, n) -> row(rs))
        .list();
  }

  /** The user's entries about one file with ids below {@code before}, newest first. */
  List<ActivityRow> ofFile(UserId user, long fileId, long before, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM activity WHERE user_id = ? AND file_id = ? AND id < ?"
                + " ORDER BY id DESC LIMIT ?")
        .params(user.value(), fileId, before, limit)
        .query((rs, n) -> row(rs))
        .list();
  }

  /** Deletes up to a batch of the entries made before {@code cutoff}; answers how many. */
  int deleteOlderThan(long cutoff) {
    return jdbc.sql(
            "DELETE FROM activity WHERE id IN (SELECT id FROM activity WHERE created_at < ?"
                + " ORDER BY created_at, id LIMIT ?)")
        .params(cutoff, DELETE_BATCH)
        .update();
  }

  private static ActivityRow row(ResultSet rs) throws SQLException {
    var actor = rs.getLong(3);
    var noActor = rs.wasNull();
    var file = rs.getLong(4);
    var noFile = rs.wasNull();
    return new ActivityRow(
        rs.getLong(1),
        new UserId(rs.getLong(2)),
        noActor ? Optional.empty() : Optional.of(new UserId(actor)),
        noFile ? Optional.empty() : Optional.of(file),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getLong(8));
  }
}
