package dev.fileshare.files.verify;

import dev.fileshare.files.FileLocations.Located;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The storage_damage table: files and versions whose blob did not read back as recorded. */
@Repository
class DamageRows {

  /** One damaged item; {@code foundSha256} is empty when the blob is missing. */
  record Damage(
      String kind,
      long itemId,
      String store,
      String blobKey,
      String expectedSha256,
      long expectedSize,
      Optional<String> foundSha256,
      long foundSize,
      long foundAt) {}

  private final JdbcClient jdbc;

  DamageRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void record(String kind, Located item, Optional<String> foundSha256, long foundSize, long at) {
    jdbc.sql(
            """
            INSERT INTO storage_damage (kind, item_id, store, blob_key, expected_sha256,
                                        expected_size, found_sha256, found_size, found_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (kind, item_id) DO UPDATE SET
                store = excluded.store, blob_key = excluded.blob_key,
                expected_sha256 = excluded.expected_sha256, expected_size = excluded.expected_size,
                found_sha256 = excluded.found_sha256, found_size = excluded.found_size,
                found_at = excluded.found_at""")
        .params(
            kind,
            item.id(),
            item.store(),
            item.blobKey(),
            item.sha256(),
            item.size(),
            foundSha256.orElse(null),
            foundSize,
            at)
        .update();
  }

  /** The item read back whole (or is gone): it is no longer damaged. */
  void clear(String kind, long itemId) {
    jdbc.sql("DELETE FROM storage_damage WHERE kind = ? AND item_id = ?")
        .params(kind, itemId)
        .update();
  }

  /** Every damaged item, by kind and id; few, or the installation has bigger problems. */
  List<Damage> all() {
    return jdbc.sql(
            "SELECT kind, item_id, store, blob_key, expected_sha256, expected_size, found_sha256,"
                + " found_size, found_at FROM storage_damage ORDER BY kind, item_id")
        .query(
            (rs, n) ->
                new Damage(
                    rs.getString(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getLong(6),
                    Optional.ofNullable(rs.getString(7)),
                    rs.getLong(8),
                    rs.getLong(9)))
        .list();
  }
}
