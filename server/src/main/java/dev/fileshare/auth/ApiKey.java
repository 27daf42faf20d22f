package dev.fileshare.auth;

import dev.fileshare.shared.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * An API key as its owner sees it: never the key itself, which is shown once, when it is made.
 *
 * @param id the key's id, for revoking it
 * @param name what the owner called it
 * @param scopes what it may do
 * @param created when it was made
 * @param expires when it stops working; empty: never
 * @param lastUsed its last use, to the minute ({@code fileshare.auth.touch-interval}); empty: never
 */
public record ApiKey(
    long id,
    String name,
    Set<Scope> scopes,
    Instant created,
    Optional<Instant> expires,
    Optional<Instant> lastUsed) {

  /** A new key: the secret to show once, and what the owner sees of it from now on. */
  public record Created(String key, ApiKey metadata) {}

  /** A key was made for the user (published in the transaction that stores it); never the key. */
  public record Made(UserId user, ApiKey key) {}
}
