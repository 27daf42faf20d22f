package dev.fileshare.mail;

import dev.fileshare.accounts.Account;
import dev.fileshare.accounts.AccountAdministration;
import dev.fileshare.auth.ApiKey;
import dev.fileshare.auth.SignInService;
import dev.fileshare.auth.TwoFactorService;
import dev.fileshare.shared.UserId;
import java.time.Clock;
import java.util.function.Function;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts the security notices into the outbox, in the transaction of the change they tell of (see
 * {@link AccountMailListener}); an account that is gone meanwhile gets none.
 */
@Component
class SecurityMailListener {

  private final SecurityMailer mails;
  private final AccountAdministration accounts;
  private final MailOutboxRows outbox;
  private final Clock clock;

  SecurityMailListener(
      SecurityMailer mails, AccountAdministration accounts, MailOutboxRows outbox, Clock clock) {
    this.mails = mails;
    this.accounts = accounts;
    this.outbox = outbox;
    this.clock = clock;
  }

  @EventListener
  void on(Account.PasswordChanged event) {
    send(event.id(), account -> mails.passwordChanged(account, event.reset()));
  }

  @EventListener
  void on(TwoFactorService.Enabled event) {
    send(event.user(), mails::twoFactorOn);
  }

  @EventListener
  void on(TwoFactorService.Disabled event) {
    send(event.user(), mails::twoFactorOff);
  }

  @EventListener
  void on(ApiKey.Made event) {
    send(event.user(), account -> mails.apiKeyMade(account, event.key()));
  }

  @EventListener
  void on(SignInService.FromNewPlace event) {
    send(event.user(), account -> mails.newPlace(account, event));
  }

  private void send(UserId user, Function<Account, MailMessage> mail) {
    accounts
        .find(user)
        .ifPresent(found -> outbox.add(mail.apply(found.account()), clock.instant()));
  }
}
