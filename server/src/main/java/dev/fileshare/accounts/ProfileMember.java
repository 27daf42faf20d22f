package dev.fileshare.accounts;

import dev.fileshare.shared.UserId;

/**
 * What another module adds to the signed-in user's own profile ({@code GET /api/user/me/}): one
 * member, written as JSON beside the account's own, such as the storage they use. The module that
 * owns the member owns its shape; the accounts module knows nothing of it.
 */
public interface ProfileMember {

  /** The member's name in the profile. */
  String name();

  /** Its value for the user, as a record that is written as JSON. */
  Object valueFor(UserId user);

  /** The class of its values, for the API's documentation. */
  Class<?> type();
}
