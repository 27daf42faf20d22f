package dev.fileshare.resumable;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
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

  /**
   * Records that the piece at {@code offset} grew to {@code length} bytes whose SHA-256 is {@code
   * sha256} ({@code null}: not known); in the transaction that moves the upload's offset past it.
   */
  void grow(String uploadId, long offset, long length, @Nullable String sha256) {
    jdbc.sql(
            """
            UPDATE tus_pieces SET length = ?, sha256 = ?
            WHERE upload_id = ? AND piece_offset = ?""")
        .params(length, sha256, uploadId, offset)
        .update();
  }

  /** The upload's last piece, if it has any. */
  Optional<Piece> last(String uploadId) {
    return select(uploadId, " ORDER BY piece_offset DESC LIMIT 1").optional();
  }

  List<Piece> of(String uploadId) {
    return select(uploadId, " ORDER BY piece_offset").list();
  }

  private JdbcClient.MappedQuerySpec<Piece> select(String uploadId, String order) {
    return jdbc.sql(
            "SELECT piece_offset, length, store, blob_key, sha256 FROM tus_pieces"
                + " WHERE upload_id = ?"
                + order)
        .param(uploadId)
        .query(PIECES);
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
