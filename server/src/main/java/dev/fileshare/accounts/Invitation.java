package dev.fileshare.accounts;

import java.time.Instant;
import java.util.Optional;

/**
 * An invitation to register with one address, as administrators see it.
 *
 * @param id its id
 * @param email the address that may register with it
 * @param invitedBy the username of who sent it; empty when that account is gone
 * @param byAdmin whether an administrator sent it (the account then needs no approval)
 * @param created when it was sent
 * @param expires when it stops working
 * @param used when an account was registered with it; empty: not yet
 * @param revoked when it was revoked; empty: it was not
 */
public record Invitation(
    long id,
    String email,
    Optional<String> invitedBy,
    boolean byAdmin,
    Instant created,
    Instant expires,
    Optional<Instant> used,
    Optional<Instant> revoked) {

  /** pending, used, revoked or expired, at {@code now}. */
  public String status(Instant now) {
    if (used.isPresent()) {
      return "used";
    }
    if (revoked.isPresent()) {
      return "revoked";
    }
    return expires.isAfter(now) ? "pending" : "expired";
  }

  static Invitation of(InvitationRows.Row row) {
    return new Invitation(
        row.id(),
        row.email(),
        Optional.ofNullable(row.invitedBy()),
        row.byAdmin(),
        Instant.ofEpochMilli(row.createdAt()),
        Instant.ofEpochMilli(row.expiresAt()),
        Optional.ofNullable(row.usedAt()).map(Instant::ofEpochMilli),
        Optional.ofNullable(row.revokedAt()).map(Instant::ofEpochMilli));
  }

  /**
   * An invitation was made: it must be mailed to {@code email}. The token is the raw secret for the
   * link; only its hash is stored.
   */
  public record Sent(String email, String inviter, String token, Instant expires) {}
}
