package dev.fileshare.platform;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Recognises a failure because the disk under the data directory or the database is full, anywhere
 * in a chain of causes. Java has no errno: on Linux the JDK turns {@code ENOSPC} (and {@code
 * EDQUOT}) into an {@link IOException} (a {@link java.nio.file.FileSystemException} for some calls)
 * whose message is the C library's text for it, so the text is what is compared. The databases say
 * it with a code: SQLite's result code {@code SQLITE_FULL}, PostgreSQL's SQLSTATE {@code 53100}
 * ({@code disk_full}).
 */
final class StorageFull {

  /** What glibc and musl call {@code ENOSPC} and {@code EDQUOT}. */
  private static final Set<String> MESSAGES =
      Set.of("No space left on device", "Disk quota exceeded");

  private static final String POSTGRESQL_DISK_FULL = "53100";

  private StorageFull() {}

  /** Whether {@code failure}, or one of its causes, says the disk is full. */
  static boolean causes(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (says(cause)) {
        return true;
      }
    }
    return false;
  }

  private static boolean says(Throwable cause) {
    if (cause instanceof SQLiteException e) {
      return e.getResultCode() == SQLiteErrorCode.SQLITE_FULL;
    }
    if (cause instanceof SQLException e) {
      return POSTGRESQL_DISK_FULL.equals(e.getSQLState());
    }
    if (cause instanceof IOException e) {
      var message =
          e instanceof java.nio.file.FileSystemException fs ? fs.getReason() : e.getMessage();
      return message != null && MESSAGES.contains(message);
    }
    return false;
  }
}
