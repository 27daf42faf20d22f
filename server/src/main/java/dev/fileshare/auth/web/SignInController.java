package dev.fileshare.auth.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.fileshare.accounts.AccountAdministration;
import dev.fileshare.accounts.PasswordService;
import dev.fileshare.audit.AuditAction;
import dev.fileshare.audit.AuditLog;
import dev.fileshare.auth.RateLimiter;
import dev.fileshare.auth.TokenService;
import dev.fileshare.auth.TwoFactorSignIn;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.AuthenticatedUser;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SignInController {

  private final PasswordService passwords;
  private final TokenService tokens;
  private final RateLimiter limits;
  private final AccountAdministration administration;
  private final AuditLog audit;
  private final TwoFactorSignIn twoFactor;
  private final TokenIssuer issuer;

  SignInController(
      PasswordService passwords,
      TokenService tokens,
      RateLimiter limits,
      AccountAdministration administration,
      AuditLog audit,
      TwoFactorSignIn twoFactor,
      TokenIssuer issuer) {
    this.audit = audit;
    this.twoFactor = twoFactor;
    this.issuer = issuer;
    this.passwords = passwords;
    this.tokens = tokens;
    this.limits = limits;
    this.administration = administration;
  }

  /** The name that was tried, cut to a length an audit entry keeps. */
  private static String clipped(String username) {
    return username.length() <= 150 ? username : username.substring(0, 150);
  }

  private Optional<AuditLog.Actor> actor(AuthenticatedUser user) {
    return Optional.of(new AuditLog.Actor(user.userId(), administration.nameOf(user.userId())));
  }

  /** As sent: either may be missing. */
  record LoginRequest(@Nullable String username, @Nullable String password) {}

  /** A token, or (with two-factor sign-in on) the challenge that a code must follow. */
  @Schema(oneOf = {TokenAnswer.class, ChallengeAnswer.class})
  sealed interface LoginAnswer permits TokenAnswer, ChallengeAnswer {}

  record TokenAnswer(String token) implements LoginAnswer {}

  /** The password was right; {@code POST /api/user/login/2fa/} with a code finishes. */
  record ChallengeAnswer(
      @JsonProperty("two_factor_required") boolean twoFactorRequired, String challenge)
      implements LoginAnswer {}

  record Message(String message) {}

  @PostMapping(path = "/api/user/login", consumes = MediaType.APPLICATION_JSON_VALUE)
  LoginAnswer login(@RequestBody LoginRequest request) {
    var username = request.username() == null ? "" : request.username().strip();
    var accountKey = "login-account:" + username.toLowerCase(Locale.ROOT);
    var limit = limits.settings().loginFailuresPerAccount();
    try {
      limits.check(accountKey, limit);
      var account = passwords.authenticate(username, request.password());
      var challenge = twoFactor.afterPassword(account.id());
      if (challenge.isPresent()) {
        return new ChallengeAnswer(true, challenge.get());
      }
      return new TokenAnswer(issuer.signIn(account.id(), account.username()));
    } catch (ApiException e) {
      if (e.status().value() == HttpStatus.BAD_REQUEST.value() && !username.isEmpty()) {
        limits.take(accountKey, limit);
      }
      audit.record(
          AuditAction.SIGN_IN_FAILED,
          Optional.empty(),
          Optional.empty(),
          Map.of("username", clipped(username), "status", e.status().value()));
      throw e;
    }
  }

  @PostMapping(path = "/api/user/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  LoginAnswer loginForm(LoginRequest request) {
    return login(request);
  }

  @PostMapping("/api/user/logout")
  Message logout(@AuthenticationPrincipal AuthenticatedUser user) {
    tokens.revoke(user);
    audit.record(AuditAction.SIGNED_OUT, actor(user), Optional.of(user.userId()), Map.of());
    return new Message("Logout successful");
  }

  @PostMapping("/api/user/logout-all")
  Message logoutAll(@AuthenticationPrincipal AuthenticatedUser user) {
    tokens.revokeAll(user.userId());
    audit.record(
        AuditAction.SIGNED_OUT_EVERYWHERE, actor(user), Optional.of(user.userId()), Map.of());
    return new Message("Logged out everywhere");
  }
}
