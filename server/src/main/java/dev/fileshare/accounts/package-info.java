/**
 * User accounts: registration (its policy, invitations and approval), email verification, passwords
 * and password reset.
 */
@NullMarked
package dev.fileshare.accounts;

import org.jspecify.annotations.NullMarked;
