package dev.fileshare.admin;

import dev.fileshare.accounts.AccountAdministration;
import dev.fileshare.accounts.ProfileMember;
import dev.fileshare.shared.UserId;
import org.springframework.stereotype.Component;

/**
 * Whether the user is an administrator, in their profile as {@code "admin"}: the web page shows the
 * administrators' screen to them.
 */
@Component
class ProfileAdmin implements ProfileMember {

  private final AccountAdministration administration;

  ProfileAdmin(AccountAdministration administration) {
    this.administration = administration;
  }

  @Override
  public String name() {
    return "admin";
  }

  @Override
  public Object valueFor(UserId user) {
    return administration.isAdmin(user);
  }

  @Override
  public Class<?> type() {
    return Boolean.class;
  }
}
