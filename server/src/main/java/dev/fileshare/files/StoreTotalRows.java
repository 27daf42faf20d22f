package dev.fileshare.files;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What each store holds for files and their versions: the sums of its stripes of store_totals (V26,
 * kept by triggers), at most 16 rows a store, never a count of the files.
 */
@Repository
public class StoreTotalRows {

  /** A store's blobs of files and versions, and their bytes. */
  public record Stored(String store, long blobs, long bytes) {}

  private final JdbcClient jdbc;

  StoreTotalRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every store that holds or held something, by name. */
  public List<Stored> byStore() {
    return jdbc.sql(
            "SELECT store, SUM(blobs), SUM(bytes) FROM store_totals GROUP BY store ORDER BY store")
        .query((rs, n) -> new Stored(rs.getString(1), rs.getLong(2), rs.getLong(3)))
        .list();
  }
}
