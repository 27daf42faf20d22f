/** Account mail: an outbox written with the change that asks for a mail, delivered with retries. */
package dev.fileshare.mail;
