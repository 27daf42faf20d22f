package dev.fileshare.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The real peers the integration tests talk to, started once per test JVM: an SMTP server
 * (GreenMail) and, when the suite runs on PostgreSQL, an embedded PostgreSQL server. The S3 server
 * is {@link S3TestServer}.
 */
public final class TestPeers {

  private static final AtomicInteger databases = new AtomicInteger();
  private static GreenMail greenMail;
  private static EmbeddedPostgres postgres;

  private TestPeers() {}

  /** Which database this run of the suite uses: {@code sqlite} (default) or {@code postgres}. */
  public static String database() {
    return System.getProperty("fileshare.test.db", "sqlite");
  }

  /** Where this run of the suite keeps blobs: {@code local} (default) or {@code s3}. */
  public static String storage() {
    return System.getProperty("fileshare.test.storage", "local");
  }

  public static synchronized GreenMail smtp() {
    if (greenMail == null) {
      greenMail =
          new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      greenMail.start();
    }
    return greenMail;
  }

  /** A new, empty PostgreSQL database; returns its JDBC URL (user and password: postgres). */
  public static synchronized String newPostgresDatabase() {
    try {
      if (postgres == null) {
        postgres = EmbeddedPostgres.builder().start();
      }
      return newPostgresDatabase(postgres, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A new, empty database in {@code server} whose tables and indexes are kept in {@code location}
   * (a tablespace there; the server's write-ahead log stays where it is), or in the server's own
   * directory when it is null; returns its JDBC URL (user and password: postgres). A tablespace
   * that may go away (a disk a test unmounts) belongs in a server of the test's own, stopped first:
   * the shared server's checkpoints would fail from then on.
   */
  public static synchronized String newPostgresDatabase(
      EmbeddedPostgres server, @Nullable Path location) {
    var name = "fileshare_" + databases.incrementAndGet();
    try (var connection = server.getPostgresDatabase().getConnection();
        var statement = connection.createStatement()) {
      if (location == null) {
        statement.execute("CREATE DATABASE " + name);
      } else {
        statement.execute(
            "CREATE TABLESPACE " + name + " LOCATION '" + location.toAbsolutePath() + "'");
        statement.execute("CREATE DATABASE " + name + " TABLESPACE " + name);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return server.getJdbcUrl("postgres", name);
  }

  public static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
