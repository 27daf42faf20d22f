package dev.fileshare.accounts;

import dev.fileshare.shared.UserId;
import java.time.Instant;

/** A row of the users table, password hash included: never leaves this module. */
record UserRow(
    long id, String username, String email, String passwordHash, boolean verified, long joinedAt) {

  Account toAccount() {
    return new Account(new UserId(id), username, email, verified, Instant.ofEpochMilli(joinedAt));
  }
}
