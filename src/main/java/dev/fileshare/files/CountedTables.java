package dev.fileshare.files;

import dev.fileshare.platform.TableTransfer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tables the files table's triggers keep (V19): the counts of files per owner and of files
 * visible to users, and on SQLite the trigram index of names. Moved to another database they are
 * not copied: the target's triggers fill them as the files are copied, and the counts are then
 * compared with the source's (an owner's row of zeros, left after their last file went, is the same
 * as none).
 */
@Configuration(proxyBeanMethods = false)
class CountedTables {

  @Bean
  TableTransfer fileCountsTransfer() {
    return TableTransfer.keptByTriggers(
        "file_counts",
        "SELECT owner_id, files, users_files FROM file_counts"
            + " WHERE files <> 0 OR users_files <> 0");
  }

  @Bean
  TableTransfer visibleFileCountsTransfer() {
    return TableTransfer.keptByTriggers(
        "visible_file_counts", "SELECT stripe, files FROM visible_file_counts");
  }

  @Bean
  TableTransfer fileNamesTransfer() {
    // an index of the files' names: what it finds is what the files table holds
    return TableTransfer.keptByTriggers("file_names", "SELECT 1 WHERE 1 = 0");
  }
}
