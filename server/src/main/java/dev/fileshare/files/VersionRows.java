package dev.fileshare.files;

import dev.fileshare.files.FileRows.BlobRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The file_versions table: every statement on it is here. Each removal is one conditional {@code
 * DELETE ... RETURNING}, so when several requests or nodes remove the same version, exactly one of
 * them gets the row (and releases its bytes and removes its blob).
 */
@Repository
class VersionRows implements FileLocations {

  private static final String COLUMNS =
      "id, file_id, number, store, blob_key, size, sha256, content_type, created_at, uploaded_by,"
          + " replaced_at, replaced_by";

  /** Whether a version refers to the blob: two parameters, the key and the store. */
  static final String REFERS_TO_BLOB =
      "SELECT 1 FROM file_versions WHERE blob_key = ? AND store = ?";

  /** A file's versions: how many, and their bytes. */
  record Kept(long count, long bytes) {
    static final Kept NONE = new Kept(0, 0);
  }

  /** A version removed with its file. */
  record Removed(long fileId, BlobRef blob, long size) {}

  private final JdbcClient jdbc;
  private final FileRows files;

  VersionRows(JdbcClient jdbc, FileRows files) {
    this.jdbc = jdbc;
    this.files = files;
  }

  private static VersionRow row(ResultSet rs, int n) throws SQLException {
    return new VersionRow(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        rs.getString(4),
        rs.getString(5),
        rs.getLong(6),
        rs.getString(7),
        rs.getString(8),
        rs.getLong(9),
        nullableLong(rs, 10),
        rs.getLong(11),
        nullableLong(rs, 12));
  }

  private static @Nullable Long nullableLong(ResultSet rs, int column) throws SQLException {
    var value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  /** The file's versions, newest first. */
  List<VersionRow> ofFile(long fileId) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM file_versions WHERE file_id = ? ORDER BY number DESC")
        .param(fileId)
        .query(VersionRows::row)
        .list();
  }

  Optional<VersionRow> byNumber(long fileId, long number) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM file_versions WHERE file_id = ? AND number = ?")
        .params(fileId, number)
        .query(VersionRows::row)
        .optional();
  }

  Optional<VersionRow> byId(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM file_versions WHERE id = ?")
        .param(id)
        .query(VersionRows::row)
        .optional();
  }

  /** Keeps content that stopped being current; its number is not yet taken for the file. */
  void insert(VersionRow version) {
    jdbc.sql(
            "INSERT INTO file_versions (file_id, number, store, blob_key, size, sha256,"
                + " content_type, created_at, uploaded_by, replaced_at, replaced_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(version.fileId(), version.number(), version.store(), version.blobKey())
        .params(version.size(), version.sha256(), version.contentType(), version.createdAt())
        .params(version.uploadedBy(), version.replacedAt(), version.replacedBy())
        .update();
  }

  /** Removes the file's version with that number; answers it, unless it was not there. */
  Optional<VersionRow> delete(long fileId, long number) {
    return jdbc.sql(
            "DELETE FROM file_versions WHERE file_id = ? AND number = ? RETURNING " + COLUMNS)
        .params(fileId, number)
        .query(VersionRows::row)
        .optional();
  }

  /**
   * Removes the version if it is still as it was read (in the same place: a storage migration may
   * have moved it); answers it as it was removed, unless someone else removed or moved it first.
   */
  Optional<VersionRow> delete(VersionRow version) {
    return jdbc.sql(
            "DELETE FROM file_versions WHERE id = ? AND store = ? AND blob_key = ? RETURNING "
                + COLUMNS)
        .params(version.id(), version.store(), version.blobKey())
        .query(VersionRows::row)
        .optional();
  }

  /**
   * The versions that stopped being current before {@code cutoff}, oldest first, at most {@code
   * limit} (index file_versions_replaced).
   */
  List<VersionRow> replacedBefore(long cutoff, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM file_versions WHERE replaced_at < ? ORDER BY replaced_at, id LIMIT ?")
        .params(cutoff, limit)
        .query(VersionRows::row)
        .list();
  }

  @Override
  public String kind() {
    return "version";
  }

  @Override
  public List<Located> inStore(String store, long afterId, long lastId, int limit) {
    return jdbc.sql(
            "SELECT id, store, blob_key, size, sha256 FROM file_versions"
                + " WHERE store = ? AND id > ? AND id <= ? ORDER BY id LIMIT ?")
        .params(store, afterId, lastId, limit)
        .query(
            (rs, n) ->
                new Located(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getLong(4),
                    rs.getString(5)))
        .list();
  }

  @Override
  public long lastId() {
    return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM file_versions").query(Long.class).single();
  }

  @Override
  public Map<String, Long> countByStore() {
    var counts = new HashMap<String, Long>();
    jdbc.sql("SELECT store, COUNT(*) FROM file_versions GROUP BY store")
        .query(
            rs -> {
              counts.put(rs.getString(1), rs.getLong(2));
            });
    return counts;
  }

  /** Touches nothing a client sees: a moved version keeps its number, hash and times. */
  @Override
  public boolean move(long id, String fromStore, String fromKey, String toStore, String toKey) {
    return jdbc.sql(
                "UPDATE file_versions SET store = ?, blob_key = ?"
                    + " WHERE id = ? AND store = ? AND blob_key = ?")
            .params(toStore, toKey, id, fromStore, fromKey)
            .update()
        == 1;
  }

  /** The versions of each of these files that has any. */
  Map<Long, Kept> kept(Collection<Long> fileIds) {
    var kept = new HashMap<Long, Kept>();
    if (fileIds.isEmpty()) {
      return kept;
    }
    jdbc.sql(
            "SELECT file_id, COUNT(*), COALESCE(SUM(size), 0) FROM file_versions"
                + " WHERE file_id IN (:ids) GROUP BY file_id")
        .param("ids", fileIds)
        .query(
            rs -> {
              kept.put(rs.getLong(1), new Kept(rs.getLong(2), rs.getLong(3)));
            });
    return kept;
  }

  /**
   * Deletes the versions of these files, in the caller's transaction, and answers those it deleted:
   * a version that something else deleted first is not in the answer, so its bytes are never
   * released twice.
   */
  List<Removed> deleteOf(Collection<Long> fileIds) {
    return jdbc.sql(
            "DELETE FROM file_versions WHERE file_id IN (:ids)"
                + " RETURNING file_id, store, blob_key, size")
        .param("ids", fileIds)
        .query(
            (rs, n) ->
                new Removed(
                    rs.getLong(1), new BlobRef(rs.getString(2), rs.getString(3)), rs.getLong(4)))
        .list();
  }

  /** Whether a file or a version refers to the blob (one statement: see {@link FileRows}). */
  @Override
  public boolean references(String store, String blobKey) {
    return files.references(store, blobKey);
  }
}
