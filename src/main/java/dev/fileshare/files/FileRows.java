package dev.fileshare.files;

import dev.fileshare.shared.UserId;
import dev.fileshare.storage.BlobStore.StoredBlob;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The files table. Every statement that changes a row is a single statement, so each one is its own
 * short transaction.
 */
@Repository
class FileRows {

  private static final String COLUMNS =
      "id, owner_id, name, blob_key, size, sha256, content_type, visibility, created_at,"
          + " updated_at, store";

  /**
   * {@code updated_at} after a change: now, or one millisecond after the last change if that is
   * later (two changes within a millisecond, or a clock behind another node's). So every change
   * that a caller can see moves {@code updated_at}, and {@code (id, updated_at)} names one version
   * of a file's metadata ({@link FileListCache} relies on it). Two parameters, both now.
   */
  static final String NEXT_UPDATED_AT =
      "updated_at = CASE WHEN ? > updated_at THEN ? ELSE updated_at + 1 END";

  /** Where a blob is: the store's name and the blob's key in it. */
  record BlobRef(String store, String key) {}

  /**
   * Maps by position, in the order of {@link #COLUMNS}: the record mapper that {@code query(Class)}
   * uses looks each column up by name first and throws (and catches) an exception for every column
   * whose name differs from the field's, on every row. Text is read as its UTF-8 bytes (see {@link
   * #text}).
   */
  private static final RowMapper<FileRow> MAPPER =
      (rs, n) ->
          new FileRow(
              rs.getLong(1),
              rs.getLong(2),
              text(rs, 3),
              text(rs, 4),
              rs.getLong(5),
              text(rs, 6),
              text(rs, 7),
              text(rs, 8),
              rs.getLong(9),
              rs.getLong(10),
              text(rs, 11));

  private final JdbcClient jdbc;

  /**
   * A text column, read as the UTF-8 bytes both drivers hand out for it. The SQLite driver's {@code
   * getString} wraps every value in a direct {@code ByteBuffer} made through JNI before copying it
   * out: most of the database time of a list of 50 files, against one array copy this way.
   */
  static String text(ResultSet rs, int column) throws SQLException {
    var bytes = rs.getBytes(column);
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  FileRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<FileRow> byId(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM files WHERE id = ?")
        .param(id)
        .query(MAPPER)
        .optional();
  }

  long countVisible(UserId caller, boolean verified, FileQuery query) {
    var params = new HashMap<String, Object>();
    var where = where(caller, verified, query, params);
    return jdbc.sql("SELECT COUNT(*) FROM files WHERE " + where)
        .params(params)
        .query(Long.class)
        .single();
  }

  static String where(
      UserId caller, boolean verified, FileQuery query, Map<String, Object> params) {
    params.put("me", caller.value());
    var where = new StringBuilder();
    if (query.mine() || !verified) {
      where.append("owner_id = :me");
    } else {
      where.append("(visibility = :users OR owner_id = :me)");
      params.put("users", Visibility.USERS.wire());
    }
    if (query.search() != null && !query.search().isEmpty()) {
      where.append(" AND name_key LIKE :pattern ESCAPE '\\'");
      params.put("pattern", "%" + escapeLike(key(query.search())) + "%");
    }
    return where.toString();
  }

  long insert(
      UserId owner,
      String name,
      String store,
      StoredBlob blob,
      String type,
      Visibility vis,
      long now) {
    return jdbc.sql(
            """
            INSERT INTO files (owner_id, name, name_key, store, blob_key, size, sha256,
                               content_type, visibility, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
        .params(
            owner.value(),
            name,
            key(name),
            store,
            blob.key(),
            blob.size(),
            blob.sha256(),
            type,
            vis.wire(),
            now,
            now)
        .query(Long.class)
        .single();
  }

  /**
   * Points the row at a new blob, if it still belongs to {@code owner} and still points at {@code
   * oldKey}: a single statement, so readers see either the old content or the new one.
   */
  boolean switchBlob(
      FileRow row,
      String name,
      String store,
      StoredBlob blob,
      String type,
      Visibility vis,
      long now) {
    return jdbc.sql(
                "UPDATE files SET store = ?, blob_key = ?, size = ?, sha256 = ?, content_type = ?,"
                    + " name = ?, name_key = ?, visibility = ?, "
                    + NEXT_UPDATED_AT
                    + " WHERE id = ? AND owner_id = ? AND blob_key = ?")
            .params(
                store,
                blob.key(),
                blob.size(),
                blob.sha256(),
                type,
                name,
                key(name),
                vis.wire(),
                now,
                now,
                row.id(),
                row.ownerId(),
                row.blobKey())
            .update()
        == 1;
  }

  boolean rename(FileRow row, String name, Visibility visibility, long now) {
    return jdbc.sql(
                "UPDATE files SET name = ?, name_key = ?, visibility = ?, "
                    + NEXT_UPDATED_AT
                    + " WHERE id = ? AND owner_id = ?")
            .params(name, key(name), visibility.wire(), now, now, row.id(), row.ownerId())
            .update()
        == 1;
  }

  /** Deletes the owner's row and answers where the blob it referred to is. */
  Optional<BlobRef> delete(FileRow row) {
    return jdbc.sql(
            "DELETE FROM files WHERE id = ? AND owner_id = ? RETURNING store, blob_key AS key")
        .params(row.id(), row.ownerId())
        .query(BlobRef.class)
        .optional();
  }

  /** Whether a file refers to the blob under {@code blobKey} in that store. */
  boolean references(String store, String blobKey) {
    return jdbc.sql("SELECT COUNT(*) FROM files WHERE blob_key = ? AND store = ?")
            .params(blobKey, store)
            .query(Long.class)
            .single()
        > 0;
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
