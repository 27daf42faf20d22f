package dev.fileshare.files;

import dev.fileshare.files.FileRows.BlobRef;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the trash needs of the file_versions table: how much a trashed file keeps, and its versions
 * taken away when it is removed for good. Each statement reads the index on {@code file_id}.
 */
@Repository
class TrashVersionRows {

  /** A file's versions: how many, and their bytes. */
  record Kept(long count, long bytes) {
    static final Kept NONE = new Kept(0, 0);
  }

  /** A version removed with its file. */
  record Removed(long fileId, BlobRef blob, long size) {}

  private final JdbcClient jdbc;

  TrashVersionRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
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
}
