package dev.fileshare.accounts;

import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.UserId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators do to accounts: make an account an administrator or not, disable and enable
 * it, list and find accounts. Each read is one lookup or one range of an index of the users table.
 */
@Service
public class AccountAdministration {

  private final UserRows users;
  private final AccountService accounts;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  AccountAdministration(
      UserRows users, AccountService accounts, ApplicationEventPublisher events, Clock clock) {
    this.users = users;
    this.accounts = accounts;
    this.events = events;
    this.clock = clock;
  }

  /** Whether the user is an administrator now (read from the database at every call). */
  public boolean isAdmin(UserId user) {
    return users.byId(user.value()).map(UserRow::admin).orElse(false);
  }

  /** Whether the account is disabled now (read from the database at every call). */
  public boolean isDisabled(UserId user) {
    return users.byId(user.value()).map(UserRow::disabled).orElse(false);
  }

  public Optional<ManagedAccount> find(UserId user) {
    return users.byId(user.value()).map(UserRow::toManaged);
  }

  /** The account's username, as audit entries name who acted; "#id" once it is deleted. */
  public String nameOf(UserId user) {
    return users.byId(user.value()).map(UserRow::username).orElse("#" + user.value());
  }

  /**
   * A page of accounts in the cursor's order after its key: by username, or by address when the
   * cursor is one of a search for an address; only those whose username (or address) starts with
   * {@code prefix}, case ignored, when it is not empty; only those that wait for approval when
   * {@code awaitingApproval}.
   */
  public List<ManagedAccount> page(
      String prefix, UserCursor cursor, int limit, boolean awaitingApproval) {
    var column = cursor.byEmail() ? "email_key" : "username_key";
    return users.page(column, prefix, cursor.key(), limit, awaitingApproval).stream()
        .map(UserRow::toManaged)
        .toList();
  }

  /** Makes the user an administrator, or no longer one; whether that changed anything. */
  @Transactional
  public boolean setAdmin(UserId user, boolean admin) {
    return users.setAdmin(user.value(), admin);
  }

  /**
   * Creates an administrator's account, with its address confirmed, after the checks of
   * registration (a 400 {@link ApiException} says what is wrong).
   */
  public Account createAdmin(String username, String email, String password) {
    return accounts.createAdmin(username, password, email);
  }

  /**
   * Disables the account: it may no longer sign in, its sign-ins end (in this transaction) and its
   * links stop working until it is enabled. An administrator cannot disable their own account.
   * Whether it was enabled before.
   */
  @Transactional
  public boolean disable(UserId actor, UserId user) {
    if (actor.equals(user)) {
      throw new ApiException(HttpStatus.CONFLICT, "You cannot disable your own account.");
    }
    var changed = users.disable(user.value(), clock.millis());
    if (changed) {
      events.publishEvent(new Account.Disabled(user));
    }
    return changed;
  }

  /**
   * Lets an account that waits for approval sign in, and tells its owner by mail (in this
   * transaction, through the outbox); whether it waited.
   */
  @Transactional
  public boolean approve(UserId user) {
    var changed = users.approve(user.value());
    if (changed) {
      users
          .byId(user.value())
          .ifPresent(
              row -> events.publishEvent(new Account.Approved(user, row.username(), row.email())));
    }
    return changed;
  }

  /**
   * Deletes a disabled account for good, in the caller's transaction. Its sign-ins, keys,
   * two-factor secrets, unfinished uploads, file requests, feed and whatever else refers to it go
   * with the row. Refused for an account that is not disabled, so that no sign-in or upload of it
   * is under way.
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  public boolean delete(UserId user) {
    var row = users.byId(user.value());
    if (row.isEmpty()) {
      return false;
    }
    if (!row.get().disabled()) {
      throw new ApiException(HttpStatus.CONFLICT, "Disable the account before deleting it.");
    }
    return users.delete(user.value());
  }

  /** Lets a disabled account sign in again, and its links work again; whether it was disabled. */
  @Transactional
  public boolean enable(UserId user) {
    return users.enable(user.value());
  }
}
