package dev.fileshare.mail;

/** One plain-text mail to one recipient. */
record MailMessage(String recipient, String subject, String body) {}
