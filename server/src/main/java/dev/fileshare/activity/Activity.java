package dev.fileshare.activity;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a user's activity feed.
 *
 * @param id the entry's id; pages of the feed go on from the smallest id of the last page
 * @param action what happened, as the feed's JSON names it ({@code renamed}, {@code link_created})
 * @param fileId the file it happened to (it may be gone since)
 * @param fileName the file's name after it happened
 * @param actor who did it; empty: someone without an account, or an account deleted since
 * @param detail what the action needs besides (an old name, a link's id, an address), or {@code ""}
 * @param created when it happened
 */
public record Activity(
    long id,
    String action,
    Optional<Long> fileId,
    String fileName,
    Optional<String> actor,
    String detail,
    Instant created) {}
