package dev.fileshare.accounts;

import static dev.fileshare.accounts.AccountService.bad;
import static dev.fileshare.accounts.AccountService.isBlank;

import dev.fileshare.accounts.AccountTokenRows.Purpose;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.UserId;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Signing in with a password, changing it, and resetting a forgotten one by mail. */
@Service
public class PasswordService {

  private final UserRows users;
  private final AccountTokenRows tokens;
  private final PasswordPolicy policy;
  private final PasswordEncoder encoder;
  private final AccountsSettings settings;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;
  private final Clock clock;

  PasswordService(
      UserRows users,
      AccountTokenRows tokens,
      PasswordPolicy policy,
      PasswordEncoder encoder,
      AccountsSettings settings,
      ApplicationEventPublisher events,
      TransactionTemplate transaction,
      Clock clock) {
    this.users = users;
    this.tokens = tokens;
    this.policy = policy;
    this.encoder = encoder;
    this.settings = settings;
    this.events = events;
    this.transaction = transaction;
    this.clock = clock;
  }

  /**
   * Checks a username and password. Unknown users and wrong passwords get the same answer after the
   * same work (a dummy hash is checked for unknown users). A right password on an account that is
   * disabled, whose email is not verified or that awaits approval gets 403. A sign-in is recorded
   * as the last one.
   */
  public Account authenticate(String username, String password) {
    if (isBlank(username) || password == null || password.isEmpty()) {
      throw bad("Username and password are required");
    }
    var user = users.byUsername(username.strip());
    var hash = user.map(UserRow::passwordHash).orElse(PasswordHashing.UNKNOWN_USER_HASH);
    if (!encoder.matches(password, hash) || user.isEmpty()) {
      throw invalidCredentials();
    }
    var row = user.get();
    if (encoder.upgradeEncoding(hash)) {
      users.setPasswordHash(row.id(), encoder.encode(password));
    }
    if (row.disabled()) {
      throw disabled();
    }
    if (!row.verified()) {
      throw ApiException.error(
          HttpStatus.FORBIDDEN,
          "Email address is not verified. Open the link in the email we sent you, or ask for a"
              + " new one with POST /api/user/resend-verification/");
    }
    if (row.awaitingApproval()) {
      throw ApiException.error(
          HttpStatus.FORBIDDEN,
          "This account awaits approval by an administrator of this server. You can sign in once"
              + " it is approved.");
    }
    users.recordLogin(row.id(), clock.millis());
    return row.toAccount();
  }

  public static ApiException invalidCredentials() {
    return bad("Invalid credentials");
  }

  /** The refusal of a right password for an account that an administrator disabled. */
  public static ApiException disabled() {
    return ApiException.error(
        HttpStatus.FORBIDDEN,
        "This account is disabled. Ask an administrator of this server to enable it.");
  }

  /** Whether the password is the user's, as when a signed-in user confirms a change with it. */
  public boolean matches(UserId id, String password) {
    var user = users.byId(id.value());
    return !isBlank(password)
        && encoder.matches(
            password, user.map(UserRow::passwordHash).orElse(PasswordHashing.UNKNOWN_USER_HASH))
        && user.isPresent();
  }

  /** Changes the password of a signed-in user; every other sign-in of the user ends. */
  public void change(UserId id, String currentPassword, String newPassword) {
    if (isBlank(currentPassword) || isBlank(newPassword)) {
      throw bad("Current and new password are required");
    }
    var user = users.byId(id.value()).orElseThrow(ApiException::notFound);
    if (!encoder.matches(currentPassword, user.passwordHash())) {
      throw bad("Current password is incorrect");
    }
    policy.check(newPassword, user.username(), user.email());
    var hash = encoder.encode(newPassword);
    transaction.executeWithoutResult(
        status -> {
          users.setPasswordHash(user.id(), hash);
          events.publishEvent(new Account.PasswordChanged(id, false));
        });
  }

  /**
   * Mails a reset link if the address belongs to an account. Says nothing about whether it does.
   */
  public void requestReset(String email) {
    if (isBlank(email)) {
      throw bad("Email is required");
    }
    users
        .byEmail(email.strip())
        .ifPresent(
            user ->
                transaction.executeWithoutResult(
                    status -> {
                      var now = clock.instant();
                      var expires = now.plus(settings.resetTtl());
                      var token =
                          tokens.replace(
                              user.id(),
                              Purpose.RESET_PASSWORD,
                              now.toEpochMilli(),
                              expires.toEpochMilli());
                      events.publishEvent(
                          new Account.PasswordResetRequested(
                              new UserId(user.id()),
                              user.username(),
                              user.email(),
                              token,
                              expires));
                    }));
  }

  /**
   * Sets a new password with a reset token (single use). Every sign-in of the user ends. The reset
   * link reached the mailbox, so the address counts as verified from now on.
   */
  public void reset(String token, String newPassword) {
    if (isBlank(token) || isBlank(newPassword)) {
      throw bad("Token and new password are required");
    }
    var invalid =
        bad("This reset link is invalid, was already used or has expired. Ask for a new one.");
    var owner = tokens.peek(token, Purpose.RESET_PASSWORD, clock.instant().toEpochMilli());
    var user = owner.flatMap(users::byId).orElseThrow(() -> invalid);
    policy.check(newPassword, user.username(), user.email());
    var hash = encoder.encode(newPassword);
    var done =
        transaction.execute(
            status -> {
              var consumed =
                  tokens.consume(token, Purpose.RESET_PASSWORD, clock.instant().toEpochMilli());
              if (consumed.isEmpty()) {
                return false;
              }
              users.setPasswordHash(user.id(), hash);
              users.markVerified(user.id());
              if (!user.verified()) {
                // the reset link reached the address: it is confirmed now, as by the mail's link
                events.publishEvent(new Account.EmailVerified(new UserId(user.id())));
              }
              events.publishEvent(new Account.PasswordChanged(new UserId(user.id()), true));
              return true;
            });
    if (!Boolean.TRUE.equals(done)) {
      throw invalid;
    }
  }
}
