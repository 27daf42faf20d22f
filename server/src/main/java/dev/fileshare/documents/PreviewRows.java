package dev.fileshare.documents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

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
  private final TransactionTemplate transactions;

  PreviewRows(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
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

  /**
   * Puts the preview in place of the one of the same width and answers the rows it displaced, whose
   * blobs no row names any more. Two jobs drawing the same file at once (its content was replaced
   * while the first one drew) each learn which blobs they displaced, so none is left behind: the
   * old row is deleted and the new one inserted only where no other appeared meanwhile, in one
   * transaction.
   */
  List<Preview> put(Preview preview, long now) {
    return transactions.execute(
        status -> {
          var displaced = new ArrayList<Preview>();
          for (var attempt = 0; attempt < 5; attempt++) {
            displaced.addAll(
                jdbc.sql(
                        "DELETE FROM document_previews WHERE file_id = ? AND width = ?"
                            + " RETURNING "
                            + COLUMNS)
                    .params(preview.fileId(), preview.width())
                    .query(MAPPER)
                    .list());
            var inserted =
                jdbc.sql(
                        "INSERT INTO document_previews (file_id, width, sha256, store, blob_key,"
                            + " size, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT (file_id, width) DO NOTHING")
                    .params(
                        preview.fileId(),
                        preview.width(),
                        preview.sha256(),
                        preview.store(),
                        preview.blobKey(),
                        preview.size(),
                        now)
                    .update();
            if (inserted == 1) {
              return displaced;
            }
          }
          throw new ConcurrencyFailureException(
              "another preview of file " + preview.fileId() + " kept appearing");
        });
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
