package dev.fileshare.auth;

import dev.fileshare.accounts.AccountAdministration;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.UserId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The steps of a sign-in after the right password: none for an account without two-factor sign-in
 * (unless the server requires it), a code for one with it, or setting it up first when {@code
 * fileshare.auth.require-two-factor} asks for it. A challenge takes {@code
 * fileshare.rate-limit.code-tries-per-challenge} tries at most.
 */
@Service
public class TwoFactorSignIn {

  /** A setup made during sign-in: the user, and their recovery codes shown once. */
  public record Enrolled(UserId user, List<String> recoveryCodes) {}

  private final TwoFactorService twoFactor;
  private final SignInChallengeService challenges;
  private final AccountAdministration administration;
  private final TwoFactorSettings settings;
  private final RateLimiter limits;

  TwoFactorSignIn(
      TwoFactorService twoFactor,
      SignInChallengeService challenges,
      AccountAdministration administration,
      TwoFactorSettings settings,
      RateLimiter limits) {
    this.twoFactor = twoFactor;
    this.challenges = challenges;
    this.administration = administration;
    this.settings = settings;
    this.limits = limits;
  }

  /**
   * After the right password: empty when a token may be issued now, a challenge when a code must
   * follow, or 403 {@code two_factor_setup_required} with a challenge that only sets it up.
   */
  public Optional<String> afterPassword(UserId user) {
    if (twoFactor.enabled(user)) {
      return Optional.of(challenges.issue(user, SignInChallengeService.Purpose.CODE));
    }
    if (required(user)) {
      var challenge = challenges.issue(user, SignInChallengeService.Purpose.SETUP);
      var detail =
          "This server requires two-factor sign-in. Set it up with the challenge:"
              + " POST /api/user/login/2fa/setup/, then POST /api/user/login/2fa/confirm/";
      throw new ApiException(
          HttpStatus.FORBIDDEN,
          detail,
          Map.of("error", "two_factor_setup_required", "challenge", challenge),
          Map.of());
    }
    return Optional.empty();
  }

  /** The user whose code completes the challenge; 400 for a wrong code or a used challenge. */
  public UserId withCode(@Nullable String challenge, @Nullable String code) {
    var found = challenges.find(challenge, SignInChallengeService.Purpose.CODE);
    limits.take("code-challenge:" + found.key(), limits.settings().codeTriesPerChallenge());
    if (!twoFactor.check(found.user(), code)) {
      throw TwoFactorService.wrongCode();
    }
    challenges.use(found);
    return found.user();
  }

  /** A secret for the holder of a setup challenge, who has no token yet. */
  public TwoFactorService.Setup setup(@Nullable String challenge) {
    return twoFactor.setup(challenges.find(challenge, SignInChallengeService.Purpose.SETUP).user());
  }

  /** Turns two-factor sign-in on for the holder of a setup challenge, and uses it up. */
  public Enrolled confirm(@Nullable String challenge, @Nullable String code) {
    var found = challenges.find(challenge, SignInChallengeService.Purpose.SETUP);
    limits.take("code-challenge:" + found.key(), limits.settings().codeTriesPerChallenge());
    var codes = twoFactor.confirm(found.user(), code);
    challenges.use(found);
    return new Enrolled(found.user(), codes);
  }

  private boolean required(UserId user) {
    return switch (settings.requireTwoFactor()) {
      case NONE -> false;
      case ADMINS -> administration.isAdmin(user);
      case EVERYONE -> true;
    };
  }
}
