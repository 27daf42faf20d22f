package dev.fileshare.admin;

import dev.fileshare.shared.UserId;

/**
 * An administrator turned two-factor sign-in off for the account (its owner lost the app and the
 * recovery codes); the owner is told by mail.
 *
 * @param administrator the administrator's username
 */
public record TwoFactorTurnedOff(UserId id, String username, String email, String administrator) {}
