package dev.fileshare.quotas;

import dev.fileshare.shared.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The storage_usage table. A user's quota column is NULL for the server's default and negative for
 * no limit.
 */
@Repository
class UsageRows {

  /** A limit to compare with when there is none: far above any sum of real sizes. */
  static final long NO_LIMIT = Long.MAX_VALUE / 4;

  private static final String LIMIT_BYTES =
      "CASE WHEN quota_bytes IS NULL THEN :defaultBytes WHEN quota_bytes < 0 THEN :none"
          + " ELSE quota_bytes END";
  private static final String LIMIT_FILES =
      "CASE WHEN quota_files IS NULL THEN :defaultFiles WHEN quota_files < 0 THEN :none"
          + " ELSE quota_files END";

  /** A row as it is stored. */
  record Row(
      long userId,
      long bytes,
      long files,
      long reserved,
      @Nullable Long quotaBytes,
      @Nullable Long quotaFiles) {}

  private final JdbcClient jdbc;

  UsageRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Row> byUser(UserId user) {
    return jdbc.sql(
            "SELECT user_id, bytes, files, reserved, quota_bytes, quota_files FROM storage_usage"
                + " WHERE user_id = ?")
        .param(user.value())
        .query(Row.class)
        .optional();
  }

  /** The rows of these users (none for a user who never stored anything), by primary key. */
  List<Row> byUsers(Collection<UserId> users) {
    if (users.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT user_id, bytes, files, reserved, quota_bytes, quota_files FROM storage_usage"
                + " WHERE user_id IN (:ids)")
        .param("ids", users.stream().map(UserId::value).distinct().toList())
        .query(Row.class)
        .list();
  }

  /** Makes the user's row if there is none yet (a user who never stored anything). */
  void ensure(UserId user) {
    jdbc.sql("INSERT INTO storage_usage (user_id) VALUES (?) ON CONFLICT (user_id) DO NOTHING")
        .param(user.value())
        .update();
  }

  /**
   * The user's stored bytes and files, added to the heir's whatever their quota; the user's set to
   * 0.
   */
  void moveStored(UserId from, UserId heir) {
    jdbc.sql(
            "UPDATE storage_usage SET bytes = bytes + (SELECT bytes FROM storage_usage WHERE user_id"
                + " = :from), files = files + (SELECT files FROM storage_usage WHERE user_id ="
                + " :from) WHERE user_id = :heir")
        .param("from", from.value())
        .param("heir", heir.value())
        .update();
    jdbc.sql("UPDATE storage_usage SET bytes = 0, files = 0 WHERE user_id = ?")
        .params(from.value())
        .update();
  }

  /**
   * Adds the change, unless what grows would go over its limit: false then, and nothing changed
   * (nor when the user has no row). What shrinks is never refused.
   */
  boolean change(
      UserId user, long bytes, long files, long reserved, long defaultBytes, long defaultFiles) {
    return jdbc.sql(
                "UPDATE storage_usage SET bytes = bytes + :bytes, files = files + :files,"
                    + " reserved = reserved + :reserved WHERE user_id = :user"
                    + " AND (:bytes + :reserved <= 0 OR bytes + reserved + :bytes + :reserved <= "
                    + LIMIT_BYTES
                    + ") AND (:files <= 0 OR files + :files <= "
                    + LIMIT_FILES
                    + ")")
            .param("bytes", bytes)
            .param("files", files)
            .param("reserved", reserved)
            .param("user", user.value())
            .param("defaultBytes", defaultBytes)
            .param("defaultFiles", defaultFiles)
            .param("none", NO_LIMIT)
            .update()
        == 1;
  }

  /** Sets the user's quota of bytes: NULL for the default, negative for no limit. */
  void setQuotaBytes(UserId user, @Nullable Long bytes) {
    jdbc.sql("UPDATE storage_usage SET quota_bytes = ? WHERE user_id = ?")
        .params(bytes, user.value())
        .update();
  }

  /** Sets the user's quota of files: NULL for the default, negative for no limit. */
  void setQuotaFiles(UserId user, @Nullable Long files) {
    jdbc.sql("UPDATE storage_usage SET quota_files = ? WHERE user_id = ?")
        .params(files, user.value())
        .update();
  }
}
