package dev.fileshare.resumable;

import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tus_pieces table: the pieces of each upload, in order of their offset. */
@Repository
class PieceRows {

  private static final RowMapper<Piece> PIECES =
      (rs, n) ->
          new Piece(
              rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5));

  private final JdbcClient jdbc;

  PieceRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a piece; in the transaction that moves the upload's offset past it. */
  void insert(String uploadId, Piece piece) {
    jdbc.sql(
            """
            INSERT INTO tus_pieces (upload_id, piece_offset, length, store, blob_key, sha256)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(
            uploadId,
            piece.offset(),
            piece.length(),
            piece.store(),
            piece.blobKey(),
            piece.sha256())
        .update();
  }

  List<Piece> of(String uploadId) {
    return jdbc.sql(
            "SELECT piece_offset, length, store, blob_key, sha256 FROM tus_pieces"
                + " WHERE upload_id = ?"
                + " ORDER BY piece_offset")
        .param(uploadId)
        .query(PIECES)
        .list();
  }

  long count(String uploadId) {
    return jdbc.sql("SELECT COUNT(*) FROM tus_pieces WHERE upload_id = ?")
        .param(uploadId)
        .query(Long.class)
        .single();
  }

  void deleteAll(String uploadId) {
    jdbc.sql("DELETE FROM tus_pieces WHERE upload_id = ?").param(uploadId).update();
  }

  boolean references(String store, String blobKey) {
    return jdbc.sql("SELECT COUNT(*) FROM tus_pieces WHERE store = ? AND blob_key = ?")
            .params(store, blobKey)
            .query(Long.class)
            .single()
        > 0;
  }
}
