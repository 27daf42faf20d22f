package dev.fileshare.files;

import dev.fileshare.accounts.Account;
import dev.fileshare.accounts.AccountLookup;
import dev.fileshare.shared.AuthenticatedUser;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Who the owner names when sharing a file: an account, or an address to invite. */
@Component
class RecipientResolver {

  /** Who the text names: an account, or an address to invite. */
  record Recipient(Optional<Account> account, String email) {}

  private final AccountLookup people;

  RecipientResolver(AccountLookup people) {
    this.people = people;
  }

  /**
   * A username first (usernames may contain {@code @}), then an address: a confirmed account's, or
   * else an invitation. An unknown username is refused; an unknown address is not, so the answer
   * does not tell whether someone registered it without confirming it.
   */
  Recipient resolve(AuthenticatedUser caller, @Nullable String user) {
    if (user == null || user.isBlank()) {
      throw ShareService.field("user", "This field is required.");
    }
    var text = user.strip();
    var account =
        people
            .byUsername(text)
            .or(
                () ->
                    people
                        .byEmail(text)
                        .filter(found -> found.verified() || found.id().equals(caller.userId())));
    if (account.isPresent()) {
      if (account.get().id().equals(caller.userId())) {
        throw ShareService.field("user", "You cannot share a file with yourself.");
      }
      return new Recipient(account, account.get().email());
    }
    if (!people.isEmailAddress(text)) {
      throw ShareService.field(
          "user", "No user with that username. Give a username or an email address.");
    }
    return new Recipient(Optional.empty(), text);
  }
}
