package dev.fileshare.files;

import dev.fileshare.accounts.Account;
import dev.fileshare.accounts.AccountService;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the invitations to an address into shares with the account that has just confirmed it. A
 * plain synchronous listener: it runs inside the transaction that marks the address confirmed, so
 * the shares attach if and only if the confirmation is committed.
 */
@Component
class InvitationListener {

  private final AccountService accounts;
  private final ShareRows shares;
  private final Clock clock;

  InvitationListener(AccountService accounts, ShareRows shares, Clock clock) {
    this.accounts = accounts;
    this.shares = shares;
    this.clock = clock;
  }

  @EventListener
  void on(Account.EmailVerified event) {
    accounts
        .find(event.id())
        .ifPresent(account -> shares.attach(account.email(), account.id(), clock.millis()));
  }
}
