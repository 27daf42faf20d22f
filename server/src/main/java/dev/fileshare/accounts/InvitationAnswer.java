package dev.fileshare.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An invitation on the wire, for its sender and for administrators (never its token, which only the
 * mail holds).
 *
 * @param status pending, used, revoked or expired
 * @param invitedBy the sender's username; {@code null} when that account is gone
 */
public record InvitationAnswer(
    long id,
    String email,
    String status,
    @JsonProperty("invited_by") @Nullable String invitedBy,
    @JsonProperty("by_admin") boolean byAdmin,
    Instant created,
    Instant expires,
    @Nullable Instant used,
    @Nullable Instant revoked) {

  public static InvitationAnswer of(Invitation invitation, Instant now) {
    return new InvitationAnswer(
        invitation.id(),
        invitation.email(),
        invitation.status(now),
        invitation.invitedBy().orElse(null),
        invitation.byAdmin(),
        invitation.created(),
        invitation.expires(),
        invitation.used().orElse(null),
        invitation.revoked().orElse(null));
  }
}
