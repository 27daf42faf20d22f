package dev.fileshare.accounts;

import dev.fileshare.shared.UserId;
import java.time.Instant;

/**
 * A user account as other modules see it: no password hash, no tokens.
 *
 * @param id the account's id
 * @param username the name the user signs in with, as they typed it at registration
 * @param email the address mail goes to, as they typed it
 * @param verified whether the email address has been confirmed
 * @param joined when the account was created
 */
public record Account(UserId id, String username, String email, boolean verified, Instant joined) {

  /**
   * A new account needs its email address confirmed, or an existing one asked for a new link. The
   * token is the raw secret for the link; only its hash is stored.
   */
  public record VerificationRequested(
      UserId id, String username, String email, String token, Instant expires) {}

  /** Someone asked to reset the password of this account. The token is the raw secret. */
  public record PasswordResetRequested(
      UserId id, String username, String email, String token, Instant expires) {}

  /**
   * The password was changed ({@code reset} false) or reset through a mailed link: every other
   * sign-in of this user must end.
   */
  public record PasswordChanged(UserId id, boolean reset) {}

  /** The email address was confirmed. */
  public record EmailVerified(UserId id) {}

  /** An administrator approved the account, which waited for it: it may sign in now. */
  public record Approved(UserId id, String username, String email) {}

  /** An administrator disabled the account: its sign-ins end and its links stop working. */
  public record Disabled(UserId id) {}
}
