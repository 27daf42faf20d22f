package dev.fileshare.files;

import dev.fileshare.platform.TableTransfer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tables the files table's triggers keep (V19): the counts of files per owner and of files
 * visible to users, and on SQLite the trigram index of names; and (V26) what each store holds.
 * Moved to another database they are not copied: the counts are made again from the copied files
 * (as V19 made them first), the index by SQLite's triggers as the files are copied, and the counts
 * are then compared with the source's (an owner's row of zeros, left after their last file went, is
 * the same as none).
 */
@Configuration(proxyBeanMethods = false)
class CountedTableConfiguration {

  @Bean
  TableTransfer fileCountsTransfer() {
    return TableTransfer.keptByTriggers(
        "file_counts",
        "SELECT owner_id, files, users_files FROM file_counts"
            + " WHERE files <> 0 OR users_files <> 0",
        "DELETE FROM file_counts",
        "INSERT INTO file_counts (owner_id, files, users_files) SELECT owner_id, COUNT(*),"
            + " SUM(CASE WHEN visibility = 'users' THEN 1 ELSE 0 END) FROM files"
            + " WHERE deleted_at IS NULL GROUP BY owner_id");
  }

  @Bean
  TableTransfer visibleFileCountsTransfer() {
    return TableTransfer.keptByTriggers(
        "visible_file_counts",
        "SELECT stripe, files FROM visible_file_counts",
        "UPDATE visible_file_counts SET files = (SELECT COUNT(*) FROM files"
            + " WHERE visibility = 'users' AND deleted_at IS NULL"
            + " AND id % 16 = visible_file_counts.stripe)");
  }

  @Bean
  TableTransfer storeTotalsTransfer() {
    // V26: made again from the copied files and versions, in the stripes their ids give
    return TableTransfer.keptByTriggers(
        "store_totals",
        "SELECT store, stripe, blobs, bytes FROM store_totals WHERE blobs <> 0 OR bytes <> 0",
        "DELETE FROM store_totals",
        "INSERT INTO store_totals (store, stripe, blobs, bytes) SELECT store, stripe, COUNT(*),"
            + " SUM(size) FROM (SELECT store, id % 16 AS stripe, size FROM files UNION ALL"
            + " SELECT store, id % 16 AS stripe, size FROM file_versions) AS stored"
            + " GROUP BY store, stripe");
  }

  @Bean
  TableTransfer fileNamesTransfer() {
    // an index of the files' names: what it finds is what the files table holds
    return TableTransfer.keptByTriggers("file_names", "SELECT 1 WHERE 1 = 0");
  }
}
