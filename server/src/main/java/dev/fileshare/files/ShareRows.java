package dev.fileshare.files;

import dev.fileshare.shared.UserId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The file_shares table: every statement on it is here, including the subqueries the file list
 * embeds. Each reads one index: a recipient's shares by {@code (recipient_id, file_id)}, a file's
 * by {@code (file_id, id)}, an owner's by {@code (shared_by, file_id)}, an address's invitations by
 * {@code (invited_key, file_id)}.
 */
@Repository
class ShareRows {

  /** The ids of the files shared with {@code :me}, for {@code id IN (...)}. */
  static final String SHARED_WITH_ME = "SELECT file_id FROM file_shares WHERE recipient_id = :me";

  /** The ids of the files {@code :me} has shared, for {@code id IN (...)}. */
  static final String SHARED_BY_ME = "SELECT file_id FROM file_shares WHERE shared_by = :me";

  private static final String COLUMNS =
      "id, file_id, recipient_id, invited_email, permission, shared_by, created_at, updated_at";

  private static final RowMapper<ShareRow> MAPPER =
      (rs, n) -> {
        var recipient = rs.getLong(3);
        var invitation = rs.wasNull();
        return new ShareRow(
            rs.getLong(1),
            rs.getLong(2),
            invitation ? null : recipient,
            rs.getString(4),
            rs.getString(5),
            rs.getLong(6),
            rs.getLong(7),
            rs.getLong(8));
      };

  private final JdbcClient jdbc;

  ShareRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  static String key(String email) {
    return email.toLowerCase(Locale.ROOT);
  }

  Optional<ShareRow> byId(long fileId, long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM file_shares WHERE id = ? AND file_id = ?")
        .params(id, fileId)
        .query(MAPPER)
        .optional();
  }

  /** A file's shares, oldest first. */
  List<ShareRow> ofFile(long fileId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM file_shares WHERE file_id = ? ORDER BY id")
        .param(fileId)
        .query(MAPPER)
        .list();
  }

  Optional<ShareRow> withRecipient(long fileId, UserId recipient) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM file_shares WHERE recipient_id = ? AND file_id = ?")
        .params(recipient.value(), fileId)
        .query(MAPPER)
        .optional();
  }

  Optional<ShareRow> invitation(long fileId, String email) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM file_shares WHERE invited_key = ? AND file_id = ?")
        .params(key(email), fileId)
        .query(MAPPER)
        .optional();
  }

  /** What the recipient may do with each of these files that is shared with them. */
  Map<Long, SharePermission> permissions(UserId recipient, Collection<Long> fileIds) {
    var found = new HashMap<Long, SharePermission>();
    if (fileIds.isEmpty()) {
      return found;
    }
    jdbc.sql(
            "SELECT file_id, permission FROM file_shares"
                + " WHERE recipient_id = :me AND file_id IN (:ids)")
        .param("me", recipient.value())
        .param("ids", fileIds)
        .query(
            rs -> {
              var file = rs.getLong(1);
              SharePermission.parse(rs.getString(2)).ifPresent(p -> found.put(file, p));
            });
    return found;
  }

  long insertShare(
      long fileId, UserId recipient, SharePermission permission, UserId sharedBy, long now) {
    return jdbc.sql(
            "INSERT INTO file_shares (file_id, recipient_id, permission, shared_by, created_at,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
        .params(fileId, recipient.value(), permission.wire(), sharedBy.value(), now, now)
        .query(Long.class)
        .single();
  }

  long insertInvitation(
      long fileId, String email, SharePermission permission, UserId sharedBy, long now) {
    return jdbc.sql(
            "INSERT INTO file_shares (file_id, invited_email, invited_key, permission, shared_by,"
                + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
        .params(fileId, email, key(email), permission.wire(), sharedBy.value(), now, now)
        .query(Long.class)
        .single();
  }

  boolean setPermission(long fileId, long id, SharePermission permission, long now) {
    return jdbc.sql(
                "UPDATE file_shares SET permission = ?, updated_at = ? WHERE id = ? AND file_id = ?")
            .params(permission.wire(), now, id, fileId)
            .update()
        == 1;
  }

  boolean delete(long fileId, long id) {
    return jdbc.sql("DELETE FROM file_shares WHERE id = ? AND file_id = ?")
            .params(id, fileId)
            .update()
        == 1;
  }

  /**
   * Makes the invitations to the address shares with the account that now has it confirmed. Where
   * the account already has a share of the same file, that share stays and the invitation goes. Two
   * statements: run them in one transaction.
   */
  int attach(String email, UserId recipient, long now) {
    var attached =
        jdbc.sql(
                "UPDATE file_shares SET recipient_id = :me, invited_email = NULL,"
                    + " invited_key = NULL, updated_at = :now WHERE invited_key = :key"
                    + " AND file_id NOT IN ("
                    + SHARED_WITH_ME
                    + ")")
            .param("me", recipient.value())
            .param("now", now)
            .param("key", key(email))
            .update();
    jdbc.sql("DELETE FROM file_shares WHERE invited_key = ?").param(key(email)).update();
    return attached;
  }

  /**
   * Before {@code from}'s files become {@code heir}'s: their shares with the heir go (the heir will
   * own them), and the heir gives the others.
   */
  void handOver(UserId from, UserId heir) {
    jdbc.sql(
            "DELETE FROM file_shares WHERE recipient_id = :heir AND file_id IN"
                + " (SELECT id FROM files WHERE owner_id = :from)")
        .param("heir", heir.value())
        .param("from", from.value())
        .update();
    jdbc.sql(
            "UPDATE file_shares SET shared_by = :heir WHERE shared_by = :from AND file_id IN"
                + " (SELECT id FROM files WHERE owner_id = :from)")
        .param("heir", heir.value())
        .param("from", from.value())
        .update();
  }
}
