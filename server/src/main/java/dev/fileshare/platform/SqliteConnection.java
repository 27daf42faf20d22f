package dev.fileshare.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.commons.dbcp2.DelegatingPreparedStatement;
import org.apache.commons.dbcp2.PStmtKey;
import org.apache.commons.dbcp2.PoolingConnection;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.GenericKeyedObjectPool;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.core.CoreStatement;
import org.sqlite.core.DB;

/**
 * One of the pool's SQLite connections: it keeps its prepared statements ({@link
 * SqliteStatementCache}) and puts right three things the SQLite driver does with transactions.
 *
 * <ul>
 *   <li>The driver's {@code commit()} and {@code rollback()} end the transaction and at once begin
 *       the next one in the configured mode, {@code BEGIN IMMEDIATE}: the connection takes the
 *       database's one write lock again (waiting behind every other writer, up to the busy timeout)
 *       only to give it back when the transaction manager turns auto-commit on a moment later. A
 *       commit that had succeeded was reported failed when that wait ran out, and every commit made
 *       the other writers wait once more. Here the next transaction begins deferred ({@code
 *       BEGIN}), which takes no lock until a statement needs one.
 *   <li>The driver records a new auto-commit mode before it runs the {@code BEGIN} or {@code
 *       COMMIT} that makes it true, and keeps it when that fails. After a failed {@code BEGIN} it
 *       believed itself in a transaction while SQLite was not: the transaction manager began none
 *       for the next borrower, whose statements then each committed on their own, and read whatever
 *       the connection still held. Here the mode is put back when the statement fails.
 *   <li>A {@code BEGIN} that fails with {@code SQLITE_BUSY_SNAPSHOT} means a statement left running
 *       holds a read of an older state of the database on this connection; it would answer with
 *       that old state (once, with "no such table" for a table made after it) and refuse every
 *       transaction. The failure is raised as a connection failure (SQLState 08006), so that the
 *       pool closes the connection, and the request is answered 503.
 * </ul>
 *
 * <p>A statement going back to the cache is reset in SQLite: DBCP closes the result sets it handed
 * out, and the driver resets a statement when its result set is closed; but a statement run with
 * {@code execute()} whose rows nobody asked for has no result set to close, and was left at its
 * first row: running in SQLite, holding a read transaction after the request that started it, and
 * keeping the connection from {@code VACUUM INTO} ("SQL statements in progress"). {@code
 * sqlite3_reset} of a statement already reset does nothing.
 */
final class SqliteConnection extends PoolingConnection {

  /** SQLState of a connection that is broken: HikariCP closes a connection that raised it. */
  static final String BROKEN = "08006";

  SqliteConnection(Connection physical) {
    super(physical);
  }

  @Override
  public void passivateObject(PStmtKey key, PooledObject<DelegatingPreparedStatement> pooledObject)
      throws SQLException {
    if (pooledObject.getObject().getInnermostDelegate() instanceof CoreStatement statement
        && !statement.pointer.isClosed()) {
      statement.pointer.safeRunInt(DB::reset);
    }
    super.passivateObject(key, pooledObject);
  }

  @Override
  public void commit() throws SQLException {
    end("commit;");
  }

  @Override
  public void rollback() throws SQLException {
    end("rollback;");
  }

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    checkOpen();
    var driver = driver();
    var before = driver.getAutoCommit();
    try {
      driver.setAutoCommit(autoCommit);
    } catch (SQLException e) {
      driver.getConnectionConfig().setAutoCommit(before);
      if (!autoCommit
          && e instanceof SQLiteException failure
          && failure.getResultCode() == SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT) {
        throw new SQLTransientConnectionException(
            "The connection holds a read of an older state of the database (a statement was left"
                + " running), so it cannot begin a transaction; it is closed. "
                + statementsInUse(),
            BROKEN,
            e);
      }
      throw e;
    }
  }

  /**
   * Which of the statements this connection keeps are lent out now, for the log: a statement left
   * running is one of them, or one the driver made for itself (metadata) when none is.
   */
  String statementsInUse() {
    if (getStatementPool() instanceof GenericKeyedObjectPool<?, ?> pool) {
      var inUse = pool.getNumActivePerKey();
      inUse.values().removeIf(count -> count == 0);
      if (!inUse.isEmpty()) {
        return "Statements in use on it: " + inUse.keySet();
      }
    }
    return "None of the statements it keeps is in use.";
  }

  /** Ends the transaction with the statement, and begins the next one deferred. */
  private void end(String statement) throws SQLException {
    checkOpen();
    var driver = driver();
    if (driver.getAutoCommit()) {
      throw new SQLException("The connection is in auto-commit mode: there is no transaction");
    }
    var database = driver.getDatabase();
    database.exec(statement, false);
    database.exec("begin;", false);
  }

  private SQLiteConnection driver() throws SQLException {
    return getInnermostDelegateInternal().unwrap(SQLiteConnection.class);
  }
}
