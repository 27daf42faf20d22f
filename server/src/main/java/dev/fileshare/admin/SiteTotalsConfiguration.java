package dev.fileshare.admin;

import dev.fileshare.platform.TableTransfer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * site_totals (V20), kept by triggers on users and storage_usage. Moved to another database it is
 * not copied but made again from the copied users and usage, in the stripes V20 first made them in,
 * and compared by its sums: which stripe a change lands in depends on the transaction.
 */
@Configuration(proxyBeanMethods = false)
class SiteTotalsConfiguration {

  @Bean
  TableTransfer siteTotalsTransfer() {
    return TableTransfer.keptByTriggers(
        "site_totals",
        "SELECT SUM(users), SUM(files), SUM(bytes) FROM site_totals",
        "UPDATE site_totals SET"
            + " users = (SELECT COUNT(*) FROM users WHERE id % 16 = site_totals.stripe),"
            + " files = (SELECT COALESCE(SUM(files), 0) FROM storage_usage"
            + " WHERE user_id % 16 = site_totals.stripe),"
            + " bytes = (SELECT COALESCE(SUM(bytes), 0) FROM storage_usage"
            + " WHERE user_id % 16 = site_totals.stripe)");
  }
}
