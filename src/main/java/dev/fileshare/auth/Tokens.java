package dev.fileshare.auth;

import dev.fileshare.shared.AuthenticatedUser;
import dev.fileshare.shared.Secrets;
import dev.fileshare.shared.UserId;
import java.time.Clock;
import java.util.Optional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Sign-in tokens in the design of django-rest-knox: a new token for every sign-in, 160 random bits
 * (40 hex characters, the shape the original clients know), only its SHA-256 stored, ending after
 * an idle time and at an absolute age.
 */
@Service
public class Tokens {

  static final int BYTES = 20;

  private final AuthTokens rows;
  private final AuthSettings settings;
  private final Clock clock;

  Tokens(AuthTokens rows, AuthSettings settings, Clock clock) {
    this.rows = rows;
    this.settings = settings;
    this.clock = clock;
  }

  /** A new token for the user; the raw token is returned once and never stored. */
  public String issue(UserId user) {
    var token = Secrets.generate(BYTES);
    var now = clock.millis();
    rows.insert(Secrets.hash(token), user.value(), now, now + settings.tokenMaxAge().toMillis());
    return token;
  }

  /** Who the token belongs to, if it is known and has not expired. */
  public Optional<AuthenticatedUser> authenticate(String token) {
    if (!Secrets.looksLike(token, BYTES)) {
      return Optional.empty();
    }
    var found = rows.byHash(Secrets.hash(token));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    var row = found.get();
    var now = clock.millis();
    if (row.expiresAt() <= now
        || row.lastUsedAt() + settings.tokenIdleTimeout().toMillis() <= now) {
      rows.delete(row.id());
      return Optional.empty();
    }
    if (now - row.lastUsedAt() >= settings.touchInterval().toMillis()) {
      rows.touch(row.id(), now);
    }
    return Optional.of(new AuthenticatedUser(new UserId(row.userId()), row.id()));
  }

  public void revoke(AuthenticatedUser user) {
    rows.delete(user.tokenId());
  }

  public void revokeAll(UserId user) {
    rows.deleteAllOf(user.value());
  }

  public void revokeAllExcept(AuthenticatedUser user) {
    rows.deleteAllOfExcept(user.userId().value(), user.tokenId());
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
  void purgeExpired() {
    var now = clock.millis();
    rows.deleteExpired(now, now - settings.tokenIdleTimeout().toMillis());
  }
}
