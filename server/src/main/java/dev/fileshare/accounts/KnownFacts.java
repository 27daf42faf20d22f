package dev.fileshare.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.fileshare.shared.UserId;
import java.util.Optional;

/**
 * What this node has learnt about accounts that can never change again: a username (usernames are
 * fixed at registration) and that an address is confirmed (it never becomes unconfirmed). Lists ask
 * both on every request; remembering them saves two queries each time without any staleness.
 * Bounded, so that many accounts cost a fixed amount of memory.
 */
final class KnownFacts {

  private static final int MAX_ACCOUNTS = 100_000;

  private final Cache<UserId, String> usernames =
      Caffeine.newBuilder().maximumSize(MAX_ACCOUNTS).build();
  private final Cache<UserId, Boolean> verified =
      Caffeine.newBuilder().maximumSize(MAX_ACCOUNTS).build();

  Optional<String> username(UserId id) {
    return Optional.ofNullable(usernames.getIfPresent(id));
  }

  void rememberUsername(UserId id, String username) {
    usernames.put(id, username);
  }

  boolean verified(UserId id) {
    return verified.getIfPresent(id) != null;
  }

  void rememberVerified(UserId id) {
    verified.put(id, Boolean.TRUE);
  }
}
