package dev.fileshare.files.migration;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the migration reads and changes in the files table: where each blob is, and nothing else.
 * Owner, name, visibility and timestamps are never touched, so a moved file looks the same to every
 * client (same ETag, same Last-Modified).
 */
@Repository
class MigrationRows {

  /** Where a file's bytes are, and what they must be. */
  record Located(long id, String store, String blobKey, long size, String sha256) {}

  private final JdbcClient jdbc;

  MigrationRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The next files in a store, by id, after {@code afterId} and up to {@code lastId}. */
  List<Located> inStore(String store, long afterId, long lastId, int limit) {
    return jdbc.sql(
            "SELECT id, store, blob_key, size, sha256 FROM files"
                + " WHERE store = ? AND id > ? AND id <= ? ORDER BY id LIMIT ?")
        .params(store, afterId, lastId, limit)
        .query(Located.class)
        .list();
  }

  /** The highest file id so far; files uploaded later have higher ids. */
  long lastId() {
    return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM files").query(Long.class).single();
  }

  long countInStore(String store) {
    return jdbc.sql("SELECT COUNT(*) FROM files WHERE store = ?")
        .param(store)
        .query(Long.class)
        .single();
  }

  /** How many files are in a store that is none of {@code known}. */
  long countElsewhere(Collection<String> known) {
    return jdbc.sql("SELECT COUNT(*) FROM files WHERE store NOT IN (:known)")
        .param("known", known)
        .query(Long.class)
        .single();
  }

  /**
   * Points the file at its copy, if it still points at the blob that was copied: a file replaced or
   * deleted meanwhile is left as it is. One statement, so readers see the old place or the new.
   */
  boolean move(long id, String fromStore, String fromKey, String toStore, String toKey) {
    return jdbc.sql(
                "UPDATE files SET store = ?, blob_key = ?"
                    + " WHERE id = ? AND store = ? AND blob_key = ?")
            .params(toStore, toKey, id, fromStore, fromKey)
            .update()
        == 1;
  }

  /** Whether the file still points at that blob. */
  boolean stillAt(Located file) {
    return jdbc.sql("SELECT COUNT(*) FROM files WHERE id = ? AND store = ? AND blob_key = ?")
            .params(file.id(), file.store(), file.blobKey())
            .query(Long.class)
            .single()
        > 0;
  }

  boolean references(String store, String blobKey) {
    return jdbc.sql("SELECT COUNT(*) FROM files WHERE store = ? AND blob_key = ?")
            .params(store, blobKey)
            .query(Long.class)
            .single()
        > 0;
  }
}
