package dev.fileshare.admin;

import dev.fileshare.files.StoreTotalRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The site_totals table: 16 striped rows that triggers keep in the transaction of every change of
 * users and of storage_usage (V20), so the totals are a sum of 16 rows, never a count of a table.
 */
@Repository
class TotalRows {

  private final JdbcClient jdbc;
  private final StoreTotalRows stores;

  TotalRows(JdbcClient jdbc, StoreTotalRows stores) {
    this.jdbc = jdbc;
    this.stores = stores;
  }

  Totals sum() {
    return jdbc.sql(
            "SELECT COALESCE(SUM(users), 0), COALESCE(SUM(files), 0), COALESCE(SUM(bytes), 0)"
                + " FROM site_totals")
        .query((rs, n) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), stores.byStore()))
        .single();
  }
}
