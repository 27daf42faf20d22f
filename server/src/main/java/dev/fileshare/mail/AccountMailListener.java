package dev.fileshare.mail;

import dev.fileshare.accounts.Account;
import dev.fileshare.accounts.Invitation;
import dev.fileshare.admin.TwoFactorTurnedOff;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts account mail into the outbox. The listeners are plain synchronous ones: they run inside the
 * publisher's transaction, so the mail is stored if and only if the change that asked for it is
 * committed. Sending happens later, in {@link MailWorker}.
 */
@Component
class AccountMailListener {

  private final AccountMailer mails;
  private final MailOutboxRows outbox;
  private final Clock clock;

  AccountMailListener(AccountMailer mails, MailOutboxRows outbox, Clock clock) {
    this.mails = mails;
    this.outbox = outbox;
    this.clock = clock;
  }

  @EventListener
  void on(Account.VerificationRequested event) {
    outbox.add(mails.verification(event), clock.instant());
  }

  @EventListener
  void on(Account.Approved event) {
    outbox.add(mails.approved(event), clock.instant());
  }

  @EventListener
  void on(TwoFactorTurnedOff event) {
    outbox.add(mails.twoFactorTurnedOff(event), clock.instant());
  }

  @EventListener
  void on(Invitation.Sent event) {
    outbox.add(mails.invitation(event), clock.instant());
  }

  @EventListener
  void on(Account.PasswordResetRequested event) {
    outbox.add(mails.passwordReset(event), clock.instant());
  }
}
