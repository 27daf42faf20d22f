package dev.fileshare.auth;

import dev.fileshare.accounts.AccountAdministration;
import dev.fileshare.accounts.PasswordService;
import dev.fileshare.audit.AuditAction;
import dev.fileshare.audit.AuditLog;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.Secrets;
import dev.fileshare.shared.UserId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two-factor sign-in for one user: setting it up (a secret waiting for its first code), turning it
 * on (with ten recovery codes, shown once and stored as their SHA-256), checking a code, turning it
 * off. A code is refused the second time within its window; a recovery code works once. Failed
 * codes count against {@code fileshare.rate-limit.code-failures-per-account}.
 */
@Service
public class TwoFactorService {

  static final String ISSUER = "FileShare";
  static final int RECOVERY_CODES = 10;

  /**
   * A secret waiting for its first code, the URI authenticator apps read, and that URI as a QR code
   * (an SVG {@code data:} URL).
   */
  public record Setup(String secret, String uri, String qr) {}

  /** The user turned two-factor sign-in on (published in the transaction that does it). */
  public record Enabled(UserId user) {}

  /** The user turned two-factor sign-in off themselves (not an administrator for them). */
  public record Disabled(UserId user) {}

  private final TwoFactorRows rows;
  private final PasswordService passwords;
  private final AccountAdministration administration;
  private final RateLimiter limits;
  private final AuditLog audit;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  TwoFactorService(
      TwoFactorRows rows,
      PasswordService passwords,
      AccountAdministration administration,
      RateLimiter limits,
      AuditLog audit,
      TransactionTemplate transaction,
      ApplicationEventPublisher events,
      Clock clock) {
    this.events = events;
    this.rows = rows;
    this.passwords = passwords;
    this.administration = administration;
    this.limits = limits;
    this.audit = audit;
    this.transaction = transaction;
    this.clock = clock;
  }

  public boolean enabled(UserId user) {
    return rows.byUser(user.value()).map(TwoFactorRows.Row::enabled).orElse(false);
  }

  /** A new secret for the user; 400 when two-factor sign-in is on already. */
  public Setup setup(UserId user) {
    var secret = Totp.newSecret();
    if (!rows.savePending(user.value(), secret, clock.millis())) {
      throw on();
    }
    var uri = Totp.uri(ISSUER, name(user), secret);
    return new Setup(secret, uri, QrCode.svgDataUrl(uri));
  }

  /** Turns two-factor sign-in on with a code of the new secret; the recovery codes, once. */
  public List<String> confirm(UserId user, @Nullable String code) {
    var row = rows.byUser(user.value()).orElseThrow(TwoFactorService::notSetUp);
    if (row.enabled()) {
      throw on();
    }
    var secret = row.secret();
    if (secret == null) { // sealed under a key no longer set: a new setup makes a new one
      throw notSetUp();
    }
    var step = Totp.matchingStep(secret, normal(code), clock.millis());
    if (step.isEmpty()) {
      failed(user, "confirm");
      throw wrongCode();
    }
    var codes = new ArrayList<String>();
    for (int i = 0; i < RECOVERY_CODES; i++) {
      codes.add(Secrets.generate(10).replaceAll("(.{5})(?!$)", "$1-"));
    }
    transaction.executeWithoutResult(
        status -> {
          if (!rows.enable(user.value(), step.getAsLong(), clock.millis())) {
            throw on();
          }
          rows.replaceRecoveryCodes(
              user.value(), codes.stream().map(c -> Secrets.hash(normal(c))).toList());
          audit.record(AuditAction.TWO_FACTOR_ENABLED, actor(user), Optional.of(user), Map.of());
          events.publishEvent(new Enabled(user));
        });
    return List.copyOf(codes);
  }

  /** Turns two-factor sign-in off with the password and a code or a recovery code. */
  public void disable(UserId user, @Nullable String password, @Nullable String code) {
    if (password == null || !passwords.matches(user, password)) {
      throw ApiException.error(HttpStatus.BAD_REQUEST, "Password is incorrect");
    }
    if (!enabled(user)) {
      throw ApiException.error(HttpStatus.BAD_REQUEST, "Two-factor sign-in is not on");
    }
    if (!check(user, code)) {
      throw wrongCode();
    }
    transaction.executeWithoutResult(
        status -> {
          rows.delete(user.value());
          audit.record(AuditAction.TWO_FACTOR_DISABLED, actor(user), Optional.of(user), Map.of());
          events.publishEvent(new Disabled(user));
        });
  }

  /**
   * Turns two-factor sign-in off for a user who lost both the app and the recovery codes, at an
   * administrator's word; recorded as done by the administrator. False when it was not on (a
   * pending setup is dropped all the same).
   */
  public boolean turnOffFor(UserId administrator, UserId user) {
    var wasOn = enabled(user);
    rows.delete(user.value());
    if (wasOn) {
      audit.record(
          AuditAction.TWO_FACTOR_DISABLED, actor(administrator), Optional.of(user), Map.of());
    }
    return wasOn;
  }

  /** Of these users, those who sign in with a second factor: one indexed query. */
  public Set<UserId> enabledAmong(Collection<UserId> users) {
    if (users.isEmpty()) {
      return Set.of();
    }
    return rows.enabledAmong(users.stream().map(UserId::value).toList()).stream()
        .map(UserId::new)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Whether the code (from the app, or a recovery code) is the user's and unused; a failure is
   * recorded and counted, and too many failures are a 429.
   */
  public boolean check(UserId user, @Nullable String code) {
    var limit = limits.settings().codeFailuresPerAccount();
    var key = "code-account:" + user.value();
    limits.check(key, limit);
    var row = rows.byUser(user.value()).filter(TwoFactorRows.Row::enabled);
    if (row.isEmpty()) {
      return false;
    }
    var given = normal(code);
    var now = clock.millis();
    boolean ok;
    if (given.length() == Totp.DIGITS) {
      var secret = row.get().secret();
      var step = secret == null ? OptionalLong.empty() : Totp.matchingStep(secret, given, now);
      ok = step.isPresent() && rows.takeStep(user.value(), step.getAsLong());
    } else {
      ok = !given.isEmpty() && rows.useRecoveryCode(user.value(), Secrets.hash(given));
      if (ok) {
        audit.record(
            AuditAction.RECOVERY_CODE_USED,
            actor(user),
            Optional.of(user),
            Map.of("left", rows.recoveryCodesLeft(user.value())));
      }
    }
    if (!ok) {
      failed(user, "code");
      limits.take(key, limit);
    }
    return ok;
  }

  private void failed(UserId user, String step) {
    audit.record(
        AuditAction.TWO_FACTOR_FAILED, actor(user), Optional.of(user), Map.of("step", step));
  }

  /** Digits and recovery codes as people type them: spaces and dashes dropped, lower case. */
  private static String normal(@Nullable String code) {
    return code == null ? "" : code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
  }

  private String name(UserId user) {
    return administration.nameOf(user);
  }

  private Optional<AuditLog.Actor> actor(UserId user) {
    return Optional.of(new AuditLog.Actor(user, name(user)));
  }

  static ApiException wrongCode() {
    return ApiException.error(HttpStatus.BAD_REQUEST, "Invalid two-factor code");
  }

  private static ApiException on() {
    return ApiException.error(HttpStatus.BAD_REQUEST, "Two-factor sign-in is on already");
  }

  private static ApiException notSetUp() {
    return ApiException.error(
        HttpStatus.BAD_REQUEST, "Set two-factor sign-in up first: POST /api/user/2fa/setup/");
  }
}
