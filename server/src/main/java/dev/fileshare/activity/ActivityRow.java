package dev.fileshare.activity;

import dev.fileshare.shared.UserId;
import java.util.Optional;

/** A row of the activity table. Times are epoch milliseconds. */
record ActivityRow(
    long id,
    UserId user,
    Optional<UserId> actor,
    Optional<Long> fileId,
    String fileName,
    String action,
    String detail,
    long createdAt) {}
