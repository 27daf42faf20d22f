package dev.fileshare.admin.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.fileshare.admin.AdminUser;
import dev.fileshare.quotas.UsageAnswer;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A user as the admin API shows it.
 *
 * @param disabledAt since when the account is disabled; {@code null} when it is not
 * @param lastLogin its last sign-in with a password; {@code null}: none recorded
 * @param awaitingApproval whether it waits for an administrator's approval before it may sign in
 * @param twoFactor whether it signs in with a code from an authenticator app after the password
 */
record AdminUserAnswer(
    long id,
    String username,
    String email,
    boolean verified,
    boolean admin,
    boolean disabled,
    @JsonProperty("disabled_at") @Nullable Instant disabledAt,
    @JsonProperty("date_joined") Instant dateJoined,
    @JsonProperty("last_login") @Nullable Instant lastLogin,
    @JsonProperty("awaiting_approval") boolean awaitingApproval,
    @JsonProperty("two_factor") boolean twoFactor,
    UsageAnswer usage) {

  static AdminUserAnswer of(AdminUser user) {
    var managed = user.account();
    var account = managed.account();
    return new AdminUserAnswer(
        account.id().value(),
        account.username(),
        account.email(),
        account.verified(),
        managed.admin(),
        managed.disabled().isPresent(),
        managed.disabled().orElse(null),
        account.joined(),
        managed.lastLogin().orElse(null),
        managed.awaitingApproval().isPresent(),
        user.twoFactor(),
        UsageAnswer.of(user.usage()));
  }
}
