package dev.fileshare.platform;

import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which database the metadata is in. Almost every statement is the same on both; the few that are
 * not (full-text search) choose by this.
 */
public enum DatabaseKind {
  SQLITE,
  POSTGRESQL;

  /** Reads it from the database itself, once. */
  static DatabaseKind of(DataSource dataSource) throws SQLException {
    try (var connection = dataSource.getConnection()) {
      var product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (product.contains("sqlite")) {
        return SQLITE;
      }
      if (product.contains("postgres")) {
        return POSTGRESQL;
      }
      throw new IllegalStateException("Unsupported database: " + product);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Detection {

    @Bean
    DatabaseKind databaseKind(DataSource dataSource) throws SQLException {
      return DatabaseKind.of(dataSource);
    }
  }
}
