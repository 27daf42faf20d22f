package dev.fileshare.accounts;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Finding accounts by what people type to name someone: a username or an email address, and
 * usernames that start with a few letters. Each is one lookup in an index of the users table.
 */
@Service
public class AccountLookup {

  /** The most suggestions one question answers. */
  public static final int MAX_SUGGESTIONS = 10;

  private final UserRows users;

  AccountLookup(UserRows users) {
    this.users = users;
  }

  /** The account with this username, whatever its case. */
  public Optional<Account> byUsername(String username) {
    return users.byUsername(username.strip()).map(UserRow::toAccount);
  }

  /** The account with this email address, whatever its case. */
  public Optional<Account> byEmail(String email) {
    return users.byEmail(email.strip()).map(UserRow::toAccount);
  }

  /** Whether the text has the shape of an email address, as registration requires. */
  public boolean isEmailAddress(String text) {
    return AccountService.isEmailAddress(text.strip());
  }

  /**
   * The usernames of verified accounts that start with {@code prefix} (case ignored), in order, at
   * most {@link #MAX_SUGGESTIONS}; none for an empty prefix.
   */
  public List<String> suggestUsernames(String prefix) {
    var text = prefix.strip();
    if (text.isEmpty() || text.length() > 150) {
      return List.of();
    }
    return users.verifiedStartingWith(text, MAX_SUGGESTIONS);
  }
}
