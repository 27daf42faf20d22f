package dev.fileshare.sharing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The link_events table (the access log). Pages are read by id, newest first, from an id on: an
 * index range, however many entries there are, never an OFFSET that reads what it skips.
 */
@Repository
class LinkEventRows {

  private static final String COLUMNS =
      "id, link_id, kind, at, address, user_agent, bytes, recipient, stamp";
  private static final int DELETE_BATCH = 1000;

  private final JdbcClient jdbc;

  LinkEventRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(
      long linkId,
      long fileId,
      LinkEvent.Kind kind,
      long at,
      @Nullable String address,
      @Nullable String userAgent,
      @Nullable Long bytes,
      @Nullable String recipient,
      @Nullable String stamp) {
    jdbc.sql(
            "INSERT INTO link_events (link_id, file_id, kind, at, address, user_agent, bytes,"
                + " recipient, stamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(linkId, fileId, kind.wire(), at, address, userAgent, bytes, recipient, stamp)
        .update();
  }

  List<LinkEvent> ofLink(long linkId, long before, int limit) {
    return page("link_id", linkId, before, limit);
  }

  List<LinkEvent> ofFile(long fileId, long before, int limit) {
    return page("file_id", fileId, before, limit);
  }

  /** A page by id, backwards; {@code column} is one of this class's indexed columns. */
  private List<LinkEvent> page(String column, long value, long before, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM link_events WHERE "
                + column
                + " = ? AND id < ? ORDER BY id DESC LIMIT ?")
        .params(value, before, limit)
        .query((rs, n) -> event(rs))
        .list();
  }

  /** Deletes up to a batch of entries older than {@code cutoff}; answers how many. */
  int deleteOlderThan(long cutoff) {
    return jdbc.sql(
            "DELETE FROM link_events WHERE id IN"
                + " (SELECT id FROM link_events WHERE at < ? ORDER BY at LIMIT ?)")
        .params(cutoff, DELETE_BATCH)
        .update();
  }

  private static LinkEvent event(ResultSet rs) throws SQLException {
    var bytes = rs.getLong(7);
    var noBytes = rs.wasNull();
    return new LinkEvent(
        rs.getLong(1),
        rs.getLong(2),
        LinkEvent.Kind.parse(rs.getString(3)),
        Instant.ofEpochMilli(rs.getLong(4)),
        rs.getString(5),
        rs.getString(6),
        noBytes ? null : bytes,
        rs.getString(8),
        rs.getString(9));
  }
}
