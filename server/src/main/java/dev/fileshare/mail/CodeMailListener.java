package dev.fileshare.mail;

import dev.fileshare.sharing.RecipientCheck;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts the mail with a one-time code into the outbox, at once: the visitor is waiting for it. The
 * code is in the body only, which the outbox wipes once the mail is sent or given up.
 */
@Component
class CodeMailListener {

  private final CodeMailer mails;
  private final MailOutboxRows outbox;
  private final Clock clock;

  CodeMailListener(CodeMailer mails, MailOutboxRows outbox, Clock clock) {
    this.mails = mails;
    this.outbox = outbox;
    this.clock = clock;
  }

  @EventListener
  void on(RecipientCheck.CodeRequested event) {
    outbox.add(mails.code(event), clock.instant());
  }
}
