package dev.fileshare.mail;

import dev.fileshare.requests.FileRequest;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts the owner's mail about new uploads through a file request into the outbox, in the
 * publisher's transaction like {@link AccountMailListener}: the uploads are marked as told in the
 * same transaction, so each is told of exactly once.
 */
@Component
class RequestMailListener {

  private final RequestMailer mails;
  private final MailOutboxRows outbox;
  private final Clock clock;

  RequestMailListener(RequestMailer mails, MailOutboxRows outbox, Clock clock) {
    this.mails = mails;
    this.outbox = outbox;
    this.clock = clock;
  }

  @EventListener
  void on(FileRequest.UploadsReceived event) {
    outbox.add(mails.received(event), clock.instant());
  }
}
