/** User accounts: registration, email verification, passwords and password reset. */
package dev.fileshare.accounts;
