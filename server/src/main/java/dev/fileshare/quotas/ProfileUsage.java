package dev.fileshare.quotas;

import dev.fileshare.accounts.ProfileMember;
import dev.fileshare.shared.UserId;
import org.springframework.stereotype.Component;

/** The user's usage and quota in their profile, as {@code "usage"}. */
@Component
class ProfileUsage implements ProfileMember {

  private final QuotaService quotas;

  ProfileUsage(QuotaService quotas) {
    this.quotas = quotas;
  }

  @Override
  public String name() {
    return "usage";
  }

  @Override
  public Object valueFor(UserId user) {
    return UsageAnswer.of(quotas.usage(user));
  }

  @Override
  public Class<?> type() {
    return UsageAnswer.class;
  }
}
