package dev.fileshare.accounts;

import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations to register: made by administrators (or by any user when {@code
 * fileshare.registration.users-may-invite} is on), mailed through the outbox in the same
 * transaction, used once, revoked by administrators.
 */
@Service
public class InvitationService {

  /** The longest an invitation may work. */
  public static final int MAX_DAYS = 365;

  private final InvitationRows invitations;
  private final UserRows users;
  private final RegistrationGate gate;
  private final RegistrationSettings settings;
  private final RegistrationLimits limits;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  InvitationService(
      InvitationRows invitations,
      UserRows users,
      RegistrationGate gate,
      RegistrationSettings settings,
      RegistrationLimits limits,
      ApplicationEventPublisher events,
      Clock clock) {
    this.invitations = invitations;
    this.users = users;
    this.gate = gate;
    this.settings = settings;
    this.limits = limits;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Invites {@code email} to register, for {@code days} days (empty: the configured time), and
   * mails the link. {@code byAdmin}: sent through the admin API, so the account will need no
   * approval. A user who is not an administrator may invite only when the setting allows it (403),
   * and as often as {@code fileshare.rate-limit.shares-per-user} allows (429).
   */
  @Transactional
  public Invitation invite(UserId inviter, String email, Optional<Long> days, boolean byAdmin) {
    if (!byAdmin) {
      requireUsersMayInvite();
      limits.takeInvitation(inviter);
    }
    if (gate.policy() == RegistrationPolicy.CLOSED) {
      throw new ApiException(
          HttpStatus.CONFLICT,
          "Registration is closed on this server, so an invitation could not be used.");
    }
    var address = email.strip();
    if (!AccountService.isEmailAddress(address)) {
      throw ApiException.invalid("email", "email must be an email address.");
    }
    if (users.byEmail(address).isPresent()) {
      throw ApiException.invalid("email", "An account with this address exists already.");
    }
    var ttl =
        days.map(
                count -> {
                  if (count < 1 || count > MAX_DAYS) {
                    throw ApiException.invalid(
                        "expires_in_days",
                        "expires_in_days must be a whole number from 1 to " + MAX_DAYS + ".");
                  }
                  return Duration.ofDays(count);
                })
            .orElse(settings.invitationTtl());
    var sender = users.byId(inviter.value()).orElseThrow(ApiException::notFound);
    var now = clock.instant();
    var expires = now.plus(ttl);
    var created =
        invitations.insert(
            address, inviter.value(), byAdmin, now.toEpochMilli(), expires.toEpochMilli());
    events.publishEvent(new Invitation.Sent(address, sender.username(), created.token(), expires));
    return invitations.byId(created.id()).map(Invitation::of).orElseThrow();
  }

  /** Refuses (403) when only administrators may send invitations. */
  public void requireUsersMayInvite() {
    if (!gate.usersMayInvite()) {
      throw new ApiException(
          HttpStatus.FORBIDDEN, "Only administrators may send invitations on this server.");
    }
  }

  /** Newest first, those with an id below {@code before}. */
  public List<Invitation> page(long before, int limit) {
    return invitations.page(before, limit).stream().map(Invitation::of).toList();
  }

  /**
   * Revokes an invitation so that its link no longer works (404 for an unknown one, 409 for one
   * that was used). Revoking a revoked one changes nothing.
   */
  @Transactional
  public void revoke(long id) {
    var found = invitations.byId(id).orElseThrow(ApiException::notFound);
    if (found.usedAt() != null) {
      throw new ApiException(
          HttpStatus.CONFLICT, "This invitation was used already: the account exists.");
    }
    invitations.revoke(id, clock.millis());
  }
}
