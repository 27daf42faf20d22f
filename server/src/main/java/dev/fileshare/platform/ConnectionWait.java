package dev.fileshare.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;

/**
 * How long a request waits for a database connection ({@code
 * spring.datasource.hikari.connection-timeout}) unless it is set: 5 s on PostgreSQL, so that a
 * database that is away answers 503 soon instead of after Hikari's 30 s; 30 s on SQLite, which is a
 * file and is never away, where a wait only means writers queueing for its single write lock. 500
 * uploads finishing at once queued their commits (each one fsynced) for more than 5 s, and three of
 * them were refused with 503 after their bytes had arrived (docs/performance.md, "Many
 * connections").
 */
final class ConnectionWait implements BeanPostProcessor {

  static final String PROPERTY = "spring.datasource.hikari.connection-timeout";
  static final long SERVER_DATABASE_MILLIS = 5_000;
  static final long SQLITE_MILLIS = 30_000;

  private final Environment environment;

  ConnectionWait(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && !environment.containsProperty(PROPERTY)) {
      pool.setConnectionTimeout(isSqlite(pool) ? SQLITE_MILLIS : SERVER_DATABASE_MILLIS);
    }
    return bean;
  }

  /** Whether the pool's connections go to an SQLite file, as its JDBC URL says. */
  static boolean isSqlite(HikariDataSource pool) {
    var url = pool.getJdbcUrl();
    return url != null && url.startsWith("jdbc:sqlite:");
  }
}
