package dev.fileshare.auth;

import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.Secrets;
import dev.fileshare.shared.UserId;
import java.time.Clock;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sign-ins halfway: 160 random bits given for a right password, only their SHA-256 stored, kept in
 * the database so that the next step may reach any node. A challenge ends after {@code
 * fileshare.auth.challenge-ttl} (5 minutes) and works once.
 */
@Component
class SignInChallengeService {

  /** What the challenge lets its holder do: give a code, or set two-factor sign-in up first. */
  enum Purpose {
    CODE,
    SETUP;

    String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  record Challenge(long id, UserId user, String key) {}

  private final SignInChallengeRows rows;
  private final TwoFactorSettings settings;
  private final Clock clock;

  SignInChallengeService(SignInChallengeRows rows, TwoFactorSettings settings, Clock clock) {
    this.rows = rows;
    this.settings = settings;
    this.clock = clock;
  }

  String issue(UserId user, Purpose purpose) {
    var challenge = Secrets.generate(20);
    rows.insert(
        Secrets.hash(challenge),
        user.value(),
        purpose.wire(),
        clock.millis() + settings.challengeTtl().toMillis());
    return challenge;
  }

  /** The live challenge for the purpose, or 400; {@code key} names it for rate limits. */
  Challenge find(@Nullable String challenge, Purpose purpose) {
    if (challenge == null || !Secrets.looksLike(challenge, 20)) {
      throw invalid();
    }
    var hash = Secrets.hash(challenge);
    var row = rows.byHash(hash);
    if (row.isEmpty()
        || !row.get().purpose().equals(purpose.wire())
        || row.get().expiresAt() <= clock.millis()) {
      throw invalid();
    }
    return new Challenge(row.get().id(), new UserId(row.get().userId()), hash.substring(0, 16));
  }

  /** Uses the challenge up, or 400 when another request used it first. */
  void use(Challenge challenge) {
    if (!rows.delete(challenge.id())) {
      throw invalid();
    }
  }

  static ApiException invalid() {
    return ApiException.error(
        HttpStatus.BAD_REQUEST,
        "The sign-in has expired or was used. Sign in with your password again.");
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
  void purgeExpired() {
    rows.deleteExpired(clock.millis());
  }
}
