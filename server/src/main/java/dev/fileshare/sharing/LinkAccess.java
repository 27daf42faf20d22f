package dev.fileshare.sharing;

import dev.fileshare.shared.Secrets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a visitor's access (the {@code Link-Access} value or the page's cookie) holds for a link:
 * the right password, and the address they proved on a restricted link. One access can hold both,
 * each stored as its own grant in link_unlocks under a hash of the access.
 */
@Component
class LinkAccess {

  private final UnlockRows unlocks;
  private final SharingSettings settings;
  private final Clock clock;

  LinkAccess(UnlockRows unlocks, SharingSettings settings, Clock clock) {
    this.unlocks = unlocks;
    this.settings = settings;
    this.clock = clock;
  }

  /** Whether the visitor may pass the password: there is none, or they gave it. */
  boolean passwordGiven(LinkRow link, Visitor visitor) {
    if (!link.hasPassword()) {
      return true;
    }
    return shown(visitor)
        .map(a -> unlocks.holds(Secrets.hash(a), link.id(), UnlockRows.Kind.PASSWORD, now()))
        .orElse(false);
  }

  /** The address the visitor proved for the link, if they did and it is still allowed. */
  Optional<String> recipient(LinkRow link, Visitor visitor) {
    return shown(visitor)
        .flatMap(a -> unlocks.recipient(recipientHash(a), link.id(), now()))
        .filter(address -> link.recipients().allows(address));
  }

  /** Whether the visitor passes the link's recipients: it names nobody, or they proved one. */
  boolean recipientPassed(LinkRow link, Visitor visitor) {
    return !link.recipients().restricts() || recipient(link, visitor).isPresent();
  }

  /** Grants the password: to the access the visitor holds for the link already, or to a new one. */
  PublicLink.Unlock grantPassword(LinkRow link, Visitor visitor) {
    var access = reused(link, visitor);
    var expires = expiry();
    unlocks.grant(
        Secrets.hash(access), link.id(), UnlockRows.Kind.PASSWORD, expires.toEpochMilli());
    return new PublicLink.Unlock(access, expires, recipient(link, visitor).orElse(null));
  }

  /** Grants a proved address, likewise. */
  PublicLink.Unlock grantRecipient(LinkRow link, Visitor visitor, String address) {
    var access = reused(link, visitor);
    var expires = expiry();
    unlocks.grantRecipient(recipientHash(access), link.id(), address, expires.toEpochMilli());
    return new PublicLink.Unlock(access, expires, address);
  }

  /** The access shown, if it holds something for this link; else a new one. */
  private String reused(LinkRow link, Visitor visitor) {
    var held =
        shown(visitor)
            .filter(
                a ->
                    unlocks.holds(Secrets.hash(a), link.id(), UnlockRows.Kind.PASSWORD, now())
                        || unlocks.recipient(recipientHash(a), link.id(), now()).isPresent());
    return held.orElseGet(() -> Secrets.generate(LinkService.TOKEN_BYTES));
  }

  private static Optional<String> shown(Visitor visitor) {
    return Optional.ofNullable(visitor.access())
        .filter(a -> Secrets.looksLike(a, LinkService.TOKEN_BYTES));
  }

  private static String recipientHash(String access) {
    return Secrets.hash("recipient\n" + access);
  }

  private Instant expiry() {
    return clock.instant().plus(settings.unlockTtl());
  }

  private long now() {
    return clock.millis();
  }
}
