package dev.fileshare.sharing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The share_links table: every statement on it is here. Each statement stands alone, and every
 * query uses an index: the token's unique one, or (file_id, id) and (owner_id, id).
 */
@Repository
class LinkRows {

  private static final String COLUMNS =
      "id, file_id, owner_id, token, label, expires_at, password_hash, max_downloads, downloads,"
          + " notify_first_download, created_at, updated_at, recipients, mode, watermark";

  /** What a new link or a change sets. */
  record Values(
      String label,
      @Nullable Long expiresAt,
      @Nullable String passwordHash,
      @Nullable Long maxDownloads,
      boolean notifyFirstDownload,
      @Nullable String recipients,
      LinkMode mode,
      boolean watermark) {}

  private final JdbcClient jdbc;

  LinkRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static LinkRow row(ResultSet rs) throws SQLException {
    return new LinkRow(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        rs.getString(4),
        rs.getString(5),
        nullableLong(rs, 6),
        rs.getString(7),
        nullableLong(rs, 8),
        rs.getLong(9),
        rs.getBoolean(10),
        rs.getLong(11),
        rs.getLong(12),
        rs.getString(13),
        LinkMode.parse(rs.getString(14)),
        rs.getBoolean(15));
  }

  private static @Nullable Long nullableLong(ResultSet rs, int column) throws SQLException {
    var value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  long insert(long fileId, long ownerId, String token, Values values, long now) {
    return jdbc.sql(
            "INSERT INTO share_links (file_id, owner_id, token, label, expires_at, password_hash,"
                + " max_downloads, downloads, notify_first_download, created_at, updated_at,"
                + " recipients, mode, watermark)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?) RETURNING id")
        .params(fileId, ownerId, token, values.label(), values.expiresAt())
        .params(values.passwordHash(), values.maxDownloads(), values.notifyFirstDownload())
        .params(now, now, values.recipients(), values.mode().wire(), values.watermark())
        .query(Long.class)
        .single();
  }

  Optional<LinkRow> byId(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM share_links WHERE id = ?")
        .param(id)
        .query((rs, n) -> row(rs))
        .optional();
  }

  Optional<LinkRow> byToken(String token) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM share_links WHERE token = ?")
        .param(token)
        .query((rs, n) -> row(rs))
        .optional();
  }

  /** A file's links, newest first, those older than {@code before}, at most {@code limit}. */
  List<LinkRow> ofFile(long fileId, long before, int limit) {
    return page("file_id", fileId, before, limit);
  }

  /** An owner's links across files, newest first, older than {@code before}, at most limit. */
  List<LinkRow> ofOwner(long ownerId, long before, int limit) {
    return page("owner_id", ownerId, before, limit);
  }

  /** A page by id, backwards; {@code column} is one of this class's indexed columns. */
  private List<LinkRow> page(String column, long value, long before, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM share_links WHERE "
                + column
                + " = ? AND id < ? ORDER BY id DESC LIMIT ?")
        .params(value, before, limit)
        .query((rs, n) -> row(rs))
        .list();
  }

  boolean update(long id, long ownerId, Values values, long now) {
    return jdbc.sql(
                "UPDATE share_links SET label = ?, expires_at = ?, password_hash = ?,"
                    + " max_downloads = ?, notify_first_download = ?, recipients = ?, mode = ?,"
                    + " watermark = ?, updated_at = ? WHERE id = ? AND owner_id = ?")
            .params(values.label(), values.expiresAt(), values.passwordHash())
            .params(values.maxDownloads(), values.notifyFirstDownload(), values.recipients())
            .params(values.mode().wire(), values.watermark(), now, id, ownerId)
            .update()
        == 1;
  }

  boolean delete(long id, long ownerId) {
    return jdbc.sql("DELETE FROM share_links WHERE id = ? AND owner_id = ?")
            .params(id, ownerId)
            .update()
        == 1;
  }

  /**
   * Counts one download if the link still works and has downloads left, and answers the count it
   * reached; empty when it was refused. One conditional statement, atomic on SQLite and PostgreSQL
   * alike: of any number of requests at once, on any number of nodes, exactly as many succeed as
   * the limit allows.
   */
  Optional<Long> countDownload(long id, long now) {
    return jdbc.sql(
            "UPDATE share_links SET downloads = downloads + 1 WHERE id = ?"
                + " AND (max_downloads IS NULL OR downloads < max_downloads)"
                + " AND (expires_at IS NULL OR expires_at > ?) RETURNING downloads")
        .params(id, now)
        .query(Long.class)
        .optional();
  }

  /** Gives every link of {@code from} to {@code heir}, whose files theirs have become. */
  int handOver(long from, long heir) {
    return jdbc.sql("UPDATE share_links SET owner_id = ? WHERE owner_id = ?")
        .params(heir, from)
        .update();
  }
}
