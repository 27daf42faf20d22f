package dev.fileshare.mail;

import dev.fileshare.files.FileShare;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts the mail about a new share into the outbox. A plain synchronous listener, as {@link
 * AccountMailListener}: the mail is stored if and only if the share is committed.
 */
@Component
class ShareMailListener {

  private final ShareMailer mails;
  private final MailOutboxRows outbox;
  private final Clock clock;

  ShareMailListener(ShareMailer mails, MailOutboxRows outbox, Clock clock) {
    this.mails = mails;
    this.outbox = outbox;
    this.clock = clock;
  }

  @EventListener
  void on(FileShare.Created event) {
    outbox.add(mails.shared(event), clock.instant());
  }
}
