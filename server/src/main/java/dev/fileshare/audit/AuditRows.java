package dev.fileshare.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit_log table. */
@Repository
class AuditRows {

  static final int DELETE_BATCH = 1000;
  private static final String COLUMNS =
      "id, at, action, actor_id, actor_name, subject_id, address, detail";

  private final JdbcClient jdbc;

  AuditRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(
      long at,
      String action,
      @Nullable Long actorId,
      @Nullable String actorName,
      @Nullable Long subjectId,
      @Nullable String address,
      String detail) {
    jdbc.sql(
            "INSERT INTO audit_log (at, action, actor_id, actor_name, subject_id, address, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(at, action, actorId, actorName, subjectId, address, detail)
        .update();
  }

  /** Entries before the id, newest first; of one user (as actor or subject) when given. */
  List<AuditEntry> page(long before, int limit, Optional<Long> user) {
    if (user.isEmpty()) {
      return jdbc.sql("SELECT " + COLUMNS + " FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?")
          .params(before, limit)
          .query(AuditRows::entry)
          .list();
    }
    // each branch walks its own index backwards; the merge keeps the first `limit`
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM (SELECT * FROM (SELECT "
                + COLUMNS
                + " FROM audit_log WHERE actor_id = :user AND id < :before ORDER BY id DESC"
                + " LIMIT :limit) a UNION SELECT * FROM (SELECT "
                + COLUMNS
                + " FROM audit_log WHERE subject_id = :user AND id < :before ORDER BY id DESC"
                + " LIMIT :limit) s) e ORDER BY id DESC LIMIT :limit")
        .param("user", user.get())
        .param("before", before)
        .param("limit", limit)
        .query(AuditRows::entry)
        .list();
  }

  int deleteOlderThan(long cutoff) {
    return jdbc.sql(
            "DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE at < ?"
                + " ORDER BY at, id LIMIT ?)")
        .params(cutoff, DELETE_BATCH)
        .update();
  }

  private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
    return new AuditEntry(
        rs.getLong(1),
        Instant.ofEpochMilli(rs.getLong(2)),
        rs.getString(3),
        optionalLong(rs, 4),
        Optional.ofNullable(rs.getString(5)),
        optionalLong(rs, 6),
        Optional.ofNullable(rs.getString(7)),
        rs.getString(8));
  }

  private static Optional<Long> optionalLong(ResultSet rs, int column) throws SQLException {
    var value = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(value);
  }
}
