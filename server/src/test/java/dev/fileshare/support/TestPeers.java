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
  public static String newPostgresDatabase() {
    return newPostgresDatabase(null);
  }

  /**
   * A new, empty PostgreSQL database whose tables and indexes are kept in {@code location} (a
   * tablespace there; the server's write-ahead log stays where it is), or in the server's own
   * directory when it is null; returns its JDBC URL (user and password: postgres).
   */
  public static synchronized String newPostgresDatabase(Path location) {
    try {
      if (postgres == null) {
        postgres = EmbeddedPostgres.builder().start();
      }
      var name = "fileshare_" + databases.incrementAndGet();
      try (var connection = postgres.getPostgresDatabase().getConnection();
          var statement = connection.createStatement()) {
        if (location == null) {
          statement.execute("CREATE DATABASE " + name);
        } else {
          statement.execute(
              "CREATE TABLESPACE " + name + " LOCATION '" + location.toAbsolutePath() + "'");
          statement.execute("CREATE DATABASE " + name + " TABLESPACE " + name);
        }
      }
      return postgres.getJdbcUrl("postgres", name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
