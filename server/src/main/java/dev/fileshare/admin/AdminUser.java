package dev.fileshare.admin;

import dev.fileshare.accounts.ManagedAccount;
import dev.fileshare.quotas.Usage;

/**
 * An account as the admin API shows it: the account, its standing and what it stores.
 *
 * @param account the account, whether it is an administrator and whether it is disabled
 * @param usage what it stores and may store
 * @param twoFactor whether it signs in with a second factor
 */
public record AdminUser(ManagedAccount account, Usage usage, boolean twoFactor) {}
