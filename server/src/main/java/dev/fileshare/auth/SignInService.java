package dev.fileshare.auth;

import dev.fileshare.platform.Paging;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.AuthenticatedUser;
import dev.fileshare.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * A user's sign-ins as they see them: where each came from, when it was last used, and ending one
 * of them (a lost phone, a shared computer). And the places each user signed in from (a browser and
 * a network, {@link SignInClient}): a sign-in from one the user had not signed in from is told with
 * {@link FromNewPlace}, which mails them, unless it is their first sign-in of all.
 */
@Service
public class SignInService {

  private static final Logger log = LoggerFactory.getLogger(SignInService.class);
  private static final int FORGET_BATCH = 1_000;

  private final AuthTokenRows tokenRows;
  private final SignInPlaceRows places;
  private final TokenService tokens;
  private final AuthSettings settings;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  SignInService(
      AuthTokenRows tokenRows,
      SignInPlaceRows places,
      TokenService tokens,
      AuthSettings settings,
      ApplicationEventPublisher events,
      Clock clock) {
    this.tokenRows = tokenRows;
    this.places = places;
    this.tokens = tokens;
    this.settings = settings;
    this.events = events;
    this.clock = clock;
  }

  /** One sign-in that still works; {@code current} is the one the caller signed in with. */
  public record SignIn(
      long id,
      String browser,
      @Nullable String userAgent,
      @Nullable String address,
      Instant signedIn,
      Instant lastUsed,
      Instant expires,
      boolean current) {}

  /** The user signed in from a browser and network they had not signed in from before. */
  public record FromNewPlace(UserId user, String browser, @Nullable String address, Instant at) {}

  /** A page of the caller's sign-ins that still work, newest first. */
  public List<SignIn> page(AuthenticatedUser caller, Paging paging) {
    var now = clock.millis();
    var idleCutoff = now - settings.tokenIdleTimeout().toMillis();
    return tokenRows
        .page(caller.userId().value(), paging.before(), paging.limit(), now, idleCutoff)
        .stream()
        .map(
            row -> {
              var client = new SignInClient(row.userAgent(), row.address());
              return new SignIn(
                  row.id(),
                  client.browser(),
                  client.userAgent(),
                  client.address(),
                  Instant.ofEpochMilli(row.createdAt()),
                  Instant.ofEpochMilli(row.lastUsedAt()),
                  Instant.ofEpochMilli(
                      Math.min(
                          row.expiresAt(),
                          row.lastUsedAt() + settings.tokenIdleTimeout().toMillis())),
                  row.id() == caller.tokenId());
            })
        .toList();
  }

  /** Ends one of the caller's sign-ins (this one too, if asked); 404 when they have none such. */
  public void end(AuthenticatedUser caller, long id) {
    if (!tokens.revoke(caller.userId(), id)) {
      throw ApiException.notFound();
    }
  }

  /**
   * Remembers that the user signed in from the client's place now, and tells of it when it is new
   * to a user who has signed in before.
   */
  public void remember(UserId user, SignInClient client) {
    var now = clock.millis();
    var browser = client.browser();
    boolean isNew;
    boolean before;
    try {
      before = places.any(user.value());
      isNew = places.see(user.value(), browser, client.network(), now);
    } catch (DataAccessException e) {
      // the sign-in itself is done: a database that takes no writes (a full disk) costs the notice
      log.warn("Could not remember where user {} signed in from: {}", user.value(), e.getMessage());
      return;
    }
    if (isNew && before && settings.newPlaceMail()) {
      events.publishEvent(
          new FromNewPlace(user, browser, client.address(), Instant.ofEpochMilli(now)));
    }
  }

  @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT2M")
  void forgetOldPlaces() {
    var cutoff = clock.millis() - settings.signInPlaceMemory().toMillis();
    int removed;
    var total = 0;
    do {
      removed = places.forgetBefore(cutoff, FORGET_BATCH);
      total += removed;
    } while (removed == FORGET_BATCH);
    if (total > 0) {
      log.info("Forgot {} sign-in places unseen for {}", total, settings.signInPlaceMemory());
    }
  }
}
