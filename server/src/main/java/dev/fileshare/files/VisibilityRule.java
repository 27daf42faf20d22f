package dev.fileshare.files;

import dev.fileshare.shared.AuthenticatedUser;
import dev.fileshare.shared.UserId;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Which files a caller may see, as a condition on the files table: the one rule that the lists of
 * files and other modules' queries over files (a search of their content) share. A caller sees
 * their own files and, once verified, those shared with users and those shared with them by name;
 * nobody sees a file in the trash.
 */
@Component
public class VisibilityRule {

  private final FileAccess access;

  VisibilityRule(FileAccess access) {
    this.access = access;
  }

  /**
   * The condition for the caller, on the files table's unqualified columns ({@code id}, {@code
   * owner_id}, {@code visibility}, {@code deleted_at}); its named parameters ({@code me}, {@code
   * users}) are put into {@code params}.
   */
  public String condition(AuthenticatedUser caller, Map<String, Object> params) {
    return "deleted_at IS NULL AND " + seen(caller.userId(), !access.verified(caller), params);
  }

  /**
   * The files the caller sees, the trash aside: their own only when {@code ownOnly} (the caller is
   * not verified, or asked for their own).
   */
  static String seen(UserId caller, boolean ownOnly, Map<String, Object> params) {
    return "(" + String.join(" OR ", reasons(caller, ownOnly, params)) + ")";
  }

  /**
   * The reasons a caller sees a file, each a condition that an index of its own answers (a list
   * merges them rather than test all three on every row): visible to users, their own, shared with
   * them by name.
   */
  static List<String> reasons(UserId caller, boolean ownOnly, Map<String, Object> params) {
    params.put("me", caller.value());
    if (ownOnly) {
      return List.of("owner_id = :me");
    }
    params.put("users", Visibility.USERS.wire());
    return List.of(
        "visibility = :users", "owner_id = :me", "id IN (" + ShareRows.SHARED_WITH_ME + ")");
  }
}
