/**
 * Mail: account, sharing and code mails put in an outbox with the change that asks for them,
 * delivered with retries.
 */
@NullMarked
package dev.fileshare.mail;

import org.jspecify.annotations.NullMarked;
