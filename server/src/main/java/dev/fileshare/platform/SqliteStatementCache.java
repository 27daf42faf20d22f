package dev.fileshare.platform;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.commons.dbcp2.DelegatingPreparedStatement;
import org.apache.commons.dbcp2.PStmtKey;
import org.apache.commons.dbcp2.PoolingConnection;
import org.apache.commons.pool2.impl.GenericKeyedObjectPool;
import org.apache.commons.pool2.impl.GenericKeyedObjectPoolConfig;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Keeps the statements each SQLite connection prepared, so that the same SQL on the same connection
 * is parsed and planned once: the SQLite driver prepares every statement anew and HikariCP leaves
 * caching to the driver, and a JFR recording of the file list had 12 % of its samples in preparing
 * the page's statement (docs/performance.md, "Run 5"). Each physical connection of the pool gets a
 * cache of up to {@link #STATEMENTS} statements (the least recently used one goes when it is full),
 * kept by Commons DBCP's {@link PoolingConnection}: a statement closed by its user goes back to the
 * cache with its parameters cleared and its results closed, which resets it in SQLite, so a cached
 * statement holds no read transaction and never keeps a checkpoint from the WAL. PostgreSQL needs
 * none of this: its driver prepares a statement on the server once it has been used a few times.
 */
final class SqliteStatementCache implements BeanPostProcessor {

  /** Statements kept per connection: more than the server runs often. */
  static final int STATEMENTS = 128;

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool
        && pool.getDataSource() == null
        && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().startsWith("jdbc:sqlite:")) {
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
    var connection = new PoolingConnection(physical);
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
  record Caching(DataSource driver) implements DataSource {

    @Override
    public Connection getConnection() throws SQLException {
      return withCache(driver.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return withCache(driver.getConnection(username, password));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return driver.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      driver.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      driver.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return driver.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return driver.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      if (type.isInstance(this)) {
        return type.cast(this);
      }
      return driver.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
      return type.isInstance(this) || driver.isWrapperFor(type);
    }
  }
}
