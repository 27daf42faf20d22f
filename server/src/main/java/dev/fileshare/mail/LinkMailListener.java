package dev.fileshare.mail;

import dev.fileshare.sharing.ShareLink;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts the mail of share links into the outbox, in the publisher's transaction like {@link
 * AccountMailListener}: a link mailed to people (one mail for each address), and the owner's notice
 * of a link's first download.
 */
@Component
class LinkMailListener {

  private final LinkMailer mails;
  private final MailOutboxRows outbox;
  private final Clock clock;

  LinkMailListener(LinkMailer mails, MailOutboxRows outbox, Clock clock) {
    this.mails = mails;
    this.outbox = outbox;
    this.clock = clock;
  }

  @EventListener
  void on(ShareLink.Mailed event) {
    for (var recipient : event.recipients()) {
      outbox.add(mails.link(event, recipient), clock.instant());
    }
  }

  @EventListener
  void on(ShareLink.FirstDownload event) {
    outbox.add(mails.firstDownload(event), clock.instant());
  }
}
