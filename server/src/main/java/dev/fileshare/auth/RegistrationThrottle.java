package dev.fileshare.auth;

import dev.fileshare.accounts.RegistrationLimits;
import dev.fileshare.shared.UserId;
import org.springframework.stereotype.Component;

/**
 * Registration's limits per client address: the strict one for open registration and for every
 * refused attempt, a generous one for attempts that an invitation or an allowed domain admits.
 * Counted in separate windows, so a flood of refused attempts cannot use up the organisation's.
 */
@Component
class RegistrationThrottle implements RegistrationLimits {

  private final RateLimiter limits;

  RegistrationThrottle(RateLimiter limits) {
    this.limits = limits;
  }

  @Override
  public void take(String clientAddress, Kind kind) {
    var settings = limits.settings();
    if (kind == Kind.ADMITTED) {
      limits.take("/api/user/register/admitted@" + clientAddress, settings.registerAdmittedPerIp());
    } else {
      limits.take("/api/user/register@" + clientAddress, settings.registerPerIp());
    }
  }

  /** A user's invitations share the limit of their new shares, which mail someone too. */
  @Override
  public void takeInvitation(UserId inviter) {
    limits.take("invitations@" + inviter.value(), limits.settings().sharesPerUser());
  }
}
