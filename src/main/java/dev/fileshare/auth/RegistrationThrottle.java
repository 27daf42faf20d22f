package dev.fileshare.auth;

import dev.fileshare.accounts.RegistrationLimits;
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
}
