package dev.fileshare.accounts;

import dev.fileshare.shared.UserId;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A row of the users table, password hash included: never leaves this module. */
record UserRow(
    long id,
    String username,
    String email,
    String passwordHash,
    boolean verified,
    long joinedAt,
    boolean admin,
    @Nullable Long disabledAt,
    @Nullable Long lastLoginAt,
    @Nullable Long approvalRequestedAt) {

  Account toAccount() {
    return new Account(new UserId(id), username, email, verified, Instant.ofEpochMilli(joinedAt));
  }

  ManagedAccount toManaged() {
    return new ManagedAccount(
        toAccount(),
        admin,
        Optional.ofNullable(disabledAt).map(Instant::ofEpochMilli),
        Optional.ofNullable(lastLoginAt).map(Instant::ofEpochMilli),
        Optional.ofNullable(approvalRequestedAt).map(Instant::ofEpochMilli));
  }

  boolean awaitingApproval() {
    return approvalRequestedAt != null;
  }

  boolean disabled() {
    return disabledAt != null;
  }
}
