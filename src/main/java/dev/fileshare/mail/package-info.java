/** Account mail: an outbox written with the change that asks for a mail, delivered with retries. */
@NullMarked
package dev.fileshare.mail;

import org.jspecify.annotations.NullMarked;
