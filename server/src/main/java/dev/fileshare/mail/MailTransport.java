package dev.fileshare.mail;

/** Hands a mail on: to the mail server, or to the log when there is none. */
interface MailTransport {

  /**
   * Returns once the mail has been accepted; throws a runtime exception (Spring's {@code
   * MailException} for SMTP) when it has not.
   */
  void send(MailMessage mail);
}
