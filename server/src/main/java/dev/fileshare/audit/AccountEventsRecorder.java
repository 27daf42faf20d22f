package dev.fileshare.audit;

import dev.fileshare.accounts.Account;
import dev.fileshare.accounts.AccountLookup;
import dev.fileshare.accounts.AccountService;
import dev.fileshare.accounts.Invitation;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records what the accounts module announces that is a security event: a password changed or reset,
 * an invitation sent (by whom, to which address; never its token). It listens in the publisher's
 * transaction, so the entry commits with the change.
 */
@Component
class AccountEventsRecorder {

  private final AuditLog audit;
  private final AccountService accounts;
  private final AccountLookup lookup;

  AccountEventsRecorder(AuditLog audit, AccountService accounts, AccountLookup lookup) {
    this.audit = audit;
    this.accounts = accounts;
    this.lookup = lookup;
  }

  @EventListener
  void on(Invitation.Sent event) {
    var inviter = lookup.byUsername(event.inviter());
    audit.record(
        AuditAction.INVITATION_SENT,
        inviter.map(account -> new AuditLog.Actor(account.id(), account.username())),
        Optional.empty(),
        Map.of("email", event.email(), "expires", event.expires().toString()));
  }

  @EventListener
  void on(Account.PasswordChanged event) {
    var name = accounts.find(event.id()).map(Account::username).orElse("#" + event.id().value());
    audit.record(
        event.reset() ? AuditAction.PASSWORD_RESET : AuditAction.PASSWORD_CHANGED,
        Optional.of(new AuditLog.Actor(event.id(), name)),
        Optional.of(event.id()),
        Map.of());
  }
}
