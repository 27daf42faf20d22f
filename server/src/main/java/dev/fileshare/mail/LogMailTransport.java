package dev.fileshare.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Used when no mail server is configured: writes each mail, link included, to the log, so that a
 * new installation can verify its first account without a mail server. This is the only place where
 * a token may appear in the log.
 */
class LogMailTransport implements MailTransport {

  private static final Logger log = LoggerFactory.getLogger(LogMailTransport.class);

  LogMailTransport() {
    log.info(
        "No mail server is configured (spring.mail.host): account mail is written to this log"
            + " instead of being sent.");
  }

  @Override
  public void send(MailMessage mail) {
    log.info(
        "Mail not sent (no mail server configured):\nTo: {}\nSubject: {}\n\n{}",
        mail.recipient(),
        mail.subject(),
        mail.body());
  }
}
