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
 * disabled (the sign-in checks again after storing its token). Its API keys are kept but refused
 * while it is disabled: this node forgets them after the commit, others within the token cache's
 * time.
 */
@Component
class SignOutOnDisable {

  private final TokenService tokens;
  private final ApiKeyService keys;

  SignOutOnDisable(TokenService tokens, ApiKeyService keys) {
    this.tokens = tokens;
    this.keys = keys;
  }

  @EventListener
  void on(Account.Disabled event) {
    tokens.revokeAll(event.id());
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void afterCommit(Account.Disabled event) {
    tokens.revokeAll(event.id());
    keys.forgetAllOf(event.id());
  }
}
