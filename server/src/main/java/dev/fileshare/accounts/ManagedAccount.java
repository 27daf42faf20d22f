package dev.fileshare.accounts;

import java.time.Instant;
import java.util.Optional;

/**
 * An account as an administrator sees it: the account and what only administration changes.
 *
 * @param account the account
 * @param admin whether it is an administrator
 * @param disabled since when it may not sign in and its links do not work; empty: it may
 * @param lastLogin its last sign-in with a password; empty: none since administrators exist
 * @param awaitingApproval since when it waits for an administrator's approval before it may sign
 *     in; empty: it does not wait
 */
public record ManagedAccount(
    Account account,
    boolean admin,
    Optional<Instant> disabled,
    Optional<Instant> lastLogin,
    Optional<Instant> awaitingApproval) {}
