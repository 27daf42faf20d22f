package dev.fileshare.auth;

import dev.fileshare.accounts.PasswordService;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.AuthenticatedUser;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The check before a change that a stolen sign-in token must not be able to make: making an API key
 * (a key outlives the token, a sign-out and a password change) and turning two-factor sign-in on (a
 * thief's authenticator would lock the owner out). A token issued within {@code
 * fileshare.auth.fresh-sign-in} passes, since its sign-in has just asked for everything; an older
 * one must give the password again, and a code (or a recovery code) when two-factor sign-in is on.
 * Wrong passwords count against {@code fileshare.rate-limit.code-failures-per-account}, as wrong
 * codes do.
 */
@Service
public class FreshSignIn {

  /** The {@code error} member of the 403 that asks for the password (and code). */
  public static final String REQUIRED = "confirmation_required";

  private final AuthTokenRows tokens;
  private final PasswordService passwords;
  private final TwoFactorService twoFactor;
  private final RateLimiter limits;
  private final AuthSettings settings;
  private final Clock clock;

  FreshSignIn(
      AuthTokenRows tokens,
      PasswordService passwords,
      TwoFactorService twoFactor,
      RateLimiter limits,
      AuthSettings settings,
      Clock clock) {
    this.tokens = tokens;
    this.passwords = passwords;
    this.twoFactor = twoFactor;
    this.limits = limits;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Returns when the caller signed in recently or has given the right password (and code); 403
   * {@value #REQUIRED} naming what to give when neither, 400 for a wrong password or code, 429
   * after too many wrong ones.
   */
  public void require(AuthenticatedUser user, @Nullable String password, @Nullable String code) {
    var id = user.userId();
    if (password == null || password.isEmpty()) {
      if (recent(user)) {
        return;
      }
      throw required(user);
    }
    var limit = limits.settings().codeFailuresPerAccount();
    var key = "confirm-account:" + id.value();
    limits.check(key, limit);
    if (!passwords.matches(id, password)) {
      limits.take(key, limit);
      throw ApiException.error(HttpStatus.BAD_REQUEST, "Password is incorrect");
    }
    if (!twoFactor.enabled(id)) {
      return;
    }
    if (code == null || code.isBlank()) {
      throw required(user);
    }
    if (!twoFactor.check(id, code)) {
      throw TwoFactorService.wrongCode();
    }
  }

  private boolean recent(AuthenticatedUser user) {
    var window = settings.freshSignIn().toMillis();
    return tokens
        .byId(user.tokenId())
        .filter(row -> row.userId() == user.userId().value())
        .map(row -> clock.millis() - row.createdAt() < window)
        .orElse(false);
  }

  private ApiException required(AuthenticatedUser user) {
    var withCode = twoFactor.enabled(user.userId());
    var asked = withCode ? List.of("password", "code") : List.of("password");
    var detail =
        withCode
            ? "Confirm it is you: give your password and a two-factor code (or a recovery code),"
                + " or sign in again."
            : "Confirm it is you: give your password, or sign in again.";
    return new ApiException(
        HttpStatus.FORBIDDEN, detail, Map.of("error", REQUIRED, "confirm", asked), Map.of());
  }
}
