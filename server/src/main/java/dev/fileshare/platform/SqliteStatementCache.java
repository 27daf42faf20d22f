package dev.fileshare.platform;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.commons.dbcp2.DelegatingPreparedStatement;
import org.apache.commons.dbcp2.PStmtKey;
import org.apache.commons.dbcp2.PoolingConnection;
import org.apache.commons.pool2.impl.GenericKeyedObjectPool;
import org.apache.commons.pool2.impl.GenericKeyedObjectPoolConfig;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Keeps the statements each SQLite connection prepared, so that the same SQL on the same connection
 * is parsed and planned once: the SQLite driver prepares every statement anew and HikariCP leaves
 * caching to the driver, and a JFR recording of the file list had 12 % of its samples in preparing
 * the page's statement (docs/performance.md, "Run 5"). Each physical connection of the pool gets a
 * cache of up to {@link #STATEMENTS} statements (the least recently used one goes when it is full),
 * kept by Commons DBCP's {@link PoolingConnection}: a statement closed by its user goes back to the
 * cache with its parameters cleared and is reset in SQLite ({@link SqliteConnection}), so a cached
 * statement holds no read transaction and never keeps a checkpoint from the WAL. PostgreSQL needs
 * none of this: its driver prepares a statement on the server once it has been used a few times.
 */
final class SqliteStatementCache implements BeanPostProcessor {

  /** Statements kept per connection: more than the server runs often. */
  static final int STATEMENTS = 128;

  /** The SQLite driver's setting for {@code getGeneratedKeys()}. */
  static final String GENERATED_KEYS = "jdbc.get_generated_keys";

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool
        && pool.getDataSource() == null
        && ConnectionWait.isSqlite(pool)) {
      // after each INSERT the driver runs SELECT last_insert_rowid() for getGeneratedKeys() and
      // keeps it open as long as the INSERT's statement, which in this cache is the connection's
      // life: the server reads new ids with RETURNING and never asks for generated keys
      pool.addDataSourceProperty(GENERATED_KEYS, "false");
      pool.setDataSource(
          new Caching(
              new DriverDataSource(
                  pool.getJdbcUrl(),
                  pool.getDriverClassName(),
                  pool.getDataSourceProperties(),
                  pool.getUsername(),
                  pool.getPassword())));
    }
    return bean;
  }

  /** Opens each connection with a statement cache of its own. */
  static Connection withCache(Connection physical) {
    var connection = new SqliteConnection(physical);
    // the pool sets auto-commit and the rest on every lending: always ask the driver
    connection.setCacheState(false);
    var config = new GenericKeyedObjectPoolConfig<DelegatingPreparedStatement>();
    config.setMaxTotal(STATEMENTS);
    config.setMaxTotalPerKey(-1);
    config.setMaxIdlePerKey(1);
    config.setBlockWhenExhausted(false);
    config.setMaxWait(Duration.ZERO);
    config.setJmxEnabled(false);
    connection.setStatementPool(
        new GenericKeyedObjectPool<PStmtKey, DelegatingPreparedStatement>(connection, config));
    return connection;
  }

  /** The driver's data source, each of whose connections keeps its statements. */
  static final class Caching extends DelegatingDataSource {

    Caching(DataSource driver) {
      super(driver);
    }

    @Override
    public Connection getConnection() throws SQLException {
      return withCache(obtainTargetDataSource().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return withCache(obtainTargetDataSource().getConnection(username, password));
    }
  }
}
