package dev.fileshare.auth;

import dev.fileshare.accounts.ProfileMember;
import dev.fileshare.shared.UserId;
import org.springframework.stereotype.Component;

/** Whether the user signs in with a second factor, in their profile as {@code "two_factor"}. */
@Component
class ProfileTwoFactor implements ProfileMember {

  private final TwoFactorService twoFactor;

  ProfileTwoFactor(TwoFactorService twoFactor) {
    this.twoFactor = twoFactor;
  }

  @Override
  public String name() {
    return "two_factor";
  }

  @Override
  public Object valueFor(UserId user) {
    return twoFactor.enabled(user);
  }

  @Override
  public Class<?> type() {
    return Boolean.class;
  }
}
