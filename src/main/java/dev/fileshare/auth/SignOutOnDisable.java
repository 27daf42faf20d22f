package dev.fileshare.auth;

import dev.fileshare.accounts.Account;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A disabled account's sign-ins end in the transaction that disables it, and once more after that
 * transaction commits: a sign-in that checked the account just before the commit and stored its
 * token just after the first deletion is ended by the second, and any later one sees the account
 * disabled (the sign-in checks again after storing its token).
 */
@Component
class SignOutOnDisable {

  private final TokenService tokens;

  SignOutOnDisable(TokenService tokens) {
    this.tokens = tokens;
  }

  @EventListener
  void on(Account.Disabled event) {
    tokens.revokeAll(event.id());
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void afterCommit(Account.Disabled event) {
    tokens.revokeAll(event.id());
  }
}
