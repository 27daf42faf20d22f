package dev.fileshare.auth;

import dev.fileshare.accounts.Account;
import dev.fileshare.shared.AuthenticatedUser;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * A changed or reset password ends every sign-in of the user, in the same transaction. The sign-in
 * that changed the password (if the change came with a token) stays.
 */
@Component
class SignOutOnPasswordChange {

  private final TokenService tokens;

  SignOutOnPasswordChange(TokenService tokens) {
    this.tokens = tokens;
  }

  @EventListener
  void on(Account.PasswordChanged event) {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.getPrincipal() instanceof AuthenticatedUser current
        && current.userId().equals(event.id())) {
      tokens.revokeAllExcept(current);
    } else {
      tokens.revokeAll(event.id());
    }
  }
}
