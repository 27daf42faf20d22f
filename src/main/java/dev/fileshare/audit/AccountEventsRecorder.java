package dev.fileshare.audit;

import dev.fileshare.accounts.Account;
import dev.fileshare.accounts.AccountService;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records what the accounts module announces that is a security event: a password changed or reset.
 * It listens in the publisher's transaction, so the entry commits with the change.
 */
@Component
class AccountEventsRecorder {

  private final AuditLog audit;
  private final AccountService accounts;

  AccountEventsRecorder(AuditLog audit, AccountService accounts) {
    this.audit = audit;
    this.accounts = accounts;
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
