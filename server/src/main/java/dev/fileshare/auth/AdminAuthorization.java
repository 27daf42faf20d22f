package dev.fileshare.auth;

import dev.fileshare.accounts.AccountAdministration;
import dev.fileshare.shared.AuthenticatedUser;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * {@code /api/admin/**} is for administrators: a signed-in caller who is not one gets 403 before
 * anything of the request is read, nobody gets 401. Asked of the database at each request, so a
 * revoked administrator is refused at once on every node. No API key is let in, whoever owns it.
 */
final class AdminAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

  private final AccountAdministration administration;

  AdminAuthorization(AccountAdministration administration) {
    this.administration = administration;
  }

  @Override
  public AuthorizationResult authorize(
      Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
    var caller = authentication.get();
    if (caller != null && KeyAuthorization.isKey(caller)) {
      return KeyRefusal.notForKeys();
    }
    var admin =
        caller != null
            && caller.getPrincipal() instanceof AuthenticatedUser user
            && administration.isAdmin(user.userId());
    return new AuthorizationDecision(admin);
  }
}
