package dev.fileshare.auth;

import dev.fileshare.accounts.AccountAdministration;
import dev.fileshare.audit.AuditAction;
import dev.fileshare.audit.AuditLog;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.AuthenticatedUser;
import dev.fileshare.shared.Secrets;
import dev.fileshare.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * API keys: {@code fsk_} and 160 random bits (40 hex characters), only their SHA-256 stored. The
 * prefix tells a key from a sign-in token before any lookup. A key works until it is revoked or
 * reaches its expiry; its last use is written at most once per {@code
 * fileshare.auth.touch-interval}. Looked-up keys are kept in memory as sign-in tokens are ({@code
 * fileshare.auth.token-cache-ttl}): a revocation takes effect on this node at once, on others
 * within that time.
 */
@Service
public class ApiKeyService {

  private static final Logger log = LoggerFactory.getLogger(ApiKeyService.class);

  static final String PREFIX = "fsk_";
  static final int MAX_PER_USER = 50;

  private final ApiKeyRows rows;
  private final AccountAdministration administration;
  private final AuthSettings settings;
  private final Clock clock;
  private final AuditLog audit;
  private final CredentialCache<ApiKeyRows.Row> cache;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;

  ApiKeyService(
      ApiKeyRows rows,
      AccountAdministration administration,
      AuthSettings settings,
      Clock clock,
      AuditLog audit,
      TransactionTemplate transaction,
      ApplicationEventPublisher events) {
    this.audit = audit;
    this.transaction = transaction;
    this.events = events;
    this.rows = rows;
    this.administration = administration;
    this.settings = settings;
    this.clock = clock;
    this.cache =
        new CredentialCache<>(
            settings.tokenCacheTtl(),
            hash ->
                rows.byHash(hash)
                    .filter(row -> !administration.isDisabled(new UserId(row.userId())))
                    .orElse(null));
  }

  private Optional<AuditLog.Actor> actor(UserId user) {
    return Optional.of(new AuditLog.Actor(user, administration.nameOf(user)));
  }

  /** Who calls with the key, and what the key may do. */
  record Caller(AuthenticatedUser user, Set<Scope> scopes) {}

  static boolean looksLikeKey(String text) {
    return text.startsWith(PREFIX);
  }

  /**
   * A new key for the user: the key is returned once and never stored. At most {@value
   * #MAX_PER_USER} keys per user (checked before the insert, so keys made at the same moment may
   * pass it by a few: the cap bounds the list, it is no secret's guard).
   */
  public ApiKey.Created create(
      UserId user, String name, Set<Scope> scopes, Optional<Instant> expires) {
    var now = clock.millis();
    if (expires.isPresent() && expires.get().toEpochMilli() <= now) {
      throw ApiException.invalid("expires", "expires must be in the future.");
    }
    if (rows.count(user.value()) >= MAX_PER_USER) {
      throw new ApiException(
          HttpStatus.CONFLICT,
          "You have " + MAX_PER_USER + " API keys, the most there may be; revoke one first.");
    }
    var key = PREFIX + Secrets.generate(TokenService.BYTES);
    var made =
        transaction.execute(
            status -> {
              var row =
                  rows.insert(
                      Secrets.hash(key),
                      user.value(),
                      name,
                      write(scopes),
                      now,
                      expires.map(Instant::toEpochMilli).orElse(null));
              audit.record(
                  AuditAction.API_KEY_CREATED,
                  actor(user),
                  Optional.of(user),
                  Map.of("key", row.id(), "name", name, "scopes", write(scopes)));
              var metadata = toKey(row);
              events.publishEvent(new ApiKey.Made(user, metadata));
              return metadata;
            });
    return new ApiKey.Created(key, Objects.requireNonNull(made));
  }

  /** The user's keys, oldest first. */
  public List<ApiKey> list(UserId user) {
    return rows.ofUser(user.value()).stream().map(ApiKeyService::toKey).toList();
  }

  /** Revokes the user's key; 404 if they have no such key. */
  public void revoke(UserId user, long id) {
    if (!rows.delete(user.value(), id)) {
      throw ApiException.notFound();
    }
    audit.record(AuditAction.API_KEY_REVOKED, actor(user), Optional.of(user), Map.of("key", id));
    forget(row -> row.id() == id);
  }

  /** Who the key belongs to, if it is known, has not expired and its account is not disabled. */
  Optional<Caller> authenticate(String key) {
    if (!looksLikeKey(key)
        || !Secrets.looksLike(key.substring(PREFIX.length()), TokenService.BYTES)) {
      return Optional.empty();
    }
    var hash = Secrets.hash(key);
    var found = cache.find(hash);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    var row = found.get();
    var now = clock.millis();
    if (row.expiresAt() != null && row.expiresAt() <= now) {
      return Optional.empty();
    }
    var last = row.lastUsedAt();
    if ((last == null || now - last >= settings.touchInterval().toMillis()) && touched(row, now)) {
      cache.update(
          hash,
          new ApiKeyRows.Row(
              row.id(),
              row.userId(),
              row.name(),
              row.scopes(),
              row.createdAt(),
              row.expiresAt(),
              now));
    }
    // tokenId 0: no sign-in token is presented, so no sign-in is "this one"
    return Optional.of(
        new Caller(new AuthenticatedUser(new UserId(row.userId()), 0), read(row.scopes())));
  }

  /**
   * Writes the key's last use and audits it, at most once a touch interval per key and node; a
   * database that takes no writes (a full disk) does not stop a request that only reads: both are
   * written at a later request.
   */
  private boolean touched(ApiKeyRows.Row row, long now) {
    try {
      rows.touch(row.id(), now);
      var owner = new UserId(row.userId());
      audit.record(
          AuditAction.API_KEY_USED,
          actor(owner),
          Optional.of(owner),
          Map.of("key", row.id(), "name", row.name()));
      return true;
    } catch (DataAccessException e) {
      log.warn("Could not write the last use of an API key, left for later: {}", e.getMessage());
      return false;
    }
  }

  /** Drops a disabled user's keys from this node's cache (others drop them within the TTL). */
  void forgetAllOf(UserId user) {
    forget(row -> row.userId() == user.value());
  }

  private void forget(Predicate<ApiKeyRows.Row> revoked) {
    cache.forget(revoked);
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT2M")
  void purgeExpired() {
    rows.deleteExpired(clock.millis());
  }

  private static ApiKey toKey(ApiKeyRows.Row row) {
    return new ApiKey(
        row.id(),
        row.name(),
        read(row.scopes()),
        Instant.ofEpochMilli(row.createdAt()),
        Optional.ofNullable(row.expiresAt()).map(Instant::ofEpochMilli),
        Optional.ofNullable(row.lastUsedAt()).map(Instant::ofEpochMilli));
  }

  private static String write(Set<Scope> scopes) {
    return scopes.stream().sorted().map(Scope::wire).collect(Collectors.joining(" "));
  }

  private static Set<Scope> read(String text) {
    var scopes = EnumSet.noneOf(Scope.class);
    Arrays.stream(text.split(" ")).map(Scope::of).flatMap(Optional::stream).forEach(scopes::add);
    return scopes;
  }
}
