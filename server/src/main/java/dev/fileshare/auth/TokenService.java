package dev.fileshare.auth;

import dev.fileshare.shared.AuthenticatedUser;
import dev.fileshare.shared.Secrets;
import dev.fileshare.shared.UserId;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Sign-in tokens in the design of django-rest-knox: a new token for every sign-in, 160 random bits
 * (40 hex characters, the shape the original clients know), only its SHA-256 stored, ending after
 * an idle time and at an absolute age.
 *
 * <p>Each node keeps the tokens it looked up in memory for {@code fileshare.auth.token-cache-ttl}
 * (5 seconds), read again in the background while in use ({@link CredentialCache}), so a busy
 * client is not a database read per request. Expiry is still checked on every request; a revocation
 * takes effect on this node at once and on other nodes within that time.
 */
@Service
public class TokenService {

  static final int BYTES = 20;

  private static final Logger log = LoggerFactory.getLogger(TokenService.class);

  private final AuthTokenRows rows;
  private final AuthSettings settings;
  private final Clock clock;
  private final CredentialCache<AuthTokenRows.Row> cache;

  TokenService(AuthTokenRows rows, AuthSettings settings, Clock clock) {
    this.rows = rows;
    this.settings = settings;
    this.clock = clock;
    this.cache =
        new CredentialCache<>(settings.tokenCacheTtl(), hash -> rows.byHash(hash).orElse(null));
  }

  /**
   * A new token for the user, signing in from the client; the raw token is returned once and never
   * stored.
   */
  public String issue(UserId user, SignInClient client) {
    var token = Secrets.generate(BYTES);
    var now = clock.millis();
    rows.insert(
        Secrets.hash(token), user.value(), now, now + settings.tokenMaxAge().toMillis(), client);
    return token;
  }

  /** Who the token belongs to, if it is known and has not expired. */
  public Optional<AuthenticatedUser> authenticate(String token) {
    if (!Secrets.looksLike(token, BYTES)) {
      return Optional.empty();
    }
    var hash = Secrets.hash(token);
    var found = cache.find(hash);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    var row = found.get();
    var now = clock.millis();
    if (row.expiresAt() <= now
        || row.lastUsedAt() + settings.tokenIdleTimeout().toMillis() <= now) {
      rows.delete(row.id());
      cache.forget(hash);
      return Optional.empty();
    }
    if (now - row.lastUsedAt() >= settings.touchInterval().toMillis() && touched(row, now)) {
      cache.update(
          hash,
          new AuthTokenRows.Row(row.id(), row.userId(), row.createdAt(), now, row.expiresAt()));
    }
    return Optional.of(new AuthenticatedUser(new UserId(row.userId()), row.id()));
  }

  /**
   * Writes the token's last use; a database that takes no writes (a full disk) does not stop a
   * request that only reads: the last use is written at a later request.
   */
  private boolean touched(AuthTokenRows.Row row, long now) {
    try {
      rows.touch(row.id(), now);
      return true;
    } catch (DataAccessException e) {
      log.warn("Could not write the last use of a token, left for later: {}", e.getMessage());
      return false;
    }
  }

  public void revoke(AuthenticatedUser user) {
    rows.delete(user.tokenId());
    forget(row -> row.id() == user.tokenId());
  }

  /** Ends one of the user's sign-ins; false when they have none of that id. */
  public boolean revoke(UserId user, long tokenId) {
    if (!rows.deleteOf(user.value(), tokenId)) {
      return false;
    }
    forget(row -> row.id() == tokenId);
    return true;
  }

  public void revokeAll(UserId user) {
    rows.deleteAllOf(user.value());
    forget(row -> row.userId() == user.value());
  }

  public void revokeAllExcept(AuthenticatedUser user) {
    rows.deleteAllOfExcept(user.userId().value(), user.tokenId());
    forget(row -> row.userId() == user.userId().value() && row.id() != user.tokenId());
  }

  /** Drops revoked tokens from this node's cache (other nodes drop them when their entries end). */
  private void forget(Predicate<AuthTokenRows.Row> revoked) {
    cache.forget(revoked);
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
  void purgeExpired() {
    var now = clock.millis();
    rows.deleteExpired(now, now - settings.tokenIdleTimeout().toMillis());
  }
}
