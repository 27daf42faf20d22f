package dev.fileshare.documents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The document_previews table: one rendered picture of a document's first page per width, each a
 * blob of its own, with the SHA-256 of the content it shows.
 */
@Repository
class PreviewRows {

  /** One preview as stored. */
  record Preview(long fileId, int width, String sha256, String store, String blobKey, long size) {}

  private static final String COLUMNS = "file_id, width, sha256, store, blob_key, size";
  private static final RowMapper<Preview> MAPPER =
      (rs, n) ->
          new Preview(
              rs.getLong("file_id"),
              rs.getInt("width"),
              rs.getString("sha256"),
              rs.getString("store"),
              rs.getString("blob_key"),
              rs.getLong("size"));

  private final JdbcClient jdbc;

  PreviewRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every preview of the file, narrowest first. */
  List<Preview> of(long fileId) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM document_previews WHERE file_id = ? ORDER BY width")
        .params(fileId)
        .query(MAPPER)
        .list();
  }

  /** The preview of that width, whatever content it shows. */
  Optional<Preview> find(long fileId, int width) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM document_previews WHERE file_id = ? AND width = ?")
        .params(fileId, width)
        .query(MAPPER)
        .optional();
  }

  /**
   * The widths rendered for each of these files that show the file's current content; a file
   * without any is left out.
   */
  Map<Long, List<Integer>> currentWidths(List<Long> fileIds) {
    var widths = new LinkedHashMap<Long, List<Integer>>();
    if (fileIds.isEmpty()) {
      return widths;
    }
    jdbc.sql(
            "SELECT p.file_id, p.width FROM document_previews p"
                + " JOIN files f ON f.id = p.file_id AND f.sha256 = p.sha256"
                + " WHERE p.file_id IN (:ids) ORDER BY p.file_id, p.width")
        .param("ids", fileIds)
        .query(
            rs -> {
              widths
                  .computeIfAbsent(rs.getLong("file_id"), id -> new ArrayList<>())
                  .add(rs.getInt("width"));
            });
    return widths;
  }

  /** Puts the preview in place of the one of the same width, if there was one. */
  void put(Preview preview, long now) {
    jdbc.sql(
            "INSERT INTO document_previews (file_id, width, sha256, store, blob_key, size,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (file_id, width) DO UPDATE SET sha256 = excluded.sha256,"
                + " store = excluded.store, blob_key = excluded.blob_key, size = excluded.size,"
                + " created_at = excluded.created_at")
        .params(
            preview.fileId(),
            preview.width(),
            preview.sha256(),
            preview.store(),
            preview.blobKey(),
            preview.size(),
            now)
        .update();
  }

  /** Removes the row of this preview, if it is still the one stored for its width. */
  void remove(Preview preview) {
    jdbc.sql("DELETE FROM document_previews WHERE file_id = ? AND width = ? AND blob_key = ?")
        .params(preview.fileId(), preview.width(), preview.blobKey())
        .update();
  }

  boolean references(String store, String blobKey) {
    // the file must still exist: rows left behind by a removal whose event was lost keep nothing
    return jdbc.sql(
                "SELECT COUNT(*) FROM document_previews p JOIN files f ON f.id = p.file_id"
                    + " WHERE p.store = ? AND p.blob_key = ?")
            .params(store, blobKey)
            .query(Long.class)
            .single()
        > 0;
  }
}
