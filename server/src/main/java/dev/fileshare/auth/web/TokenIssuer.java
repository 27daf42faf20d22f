package dev.fileshare.auth.web;

import dev.fileshare.accounts.AccountAdministration;
import dev.fileshare.accounts.PasswordService;
import dev.fileshare.audit.AuditAction;
import dev.fileshare.audit.AuditLog;
import dev.fileshare.auth.SignInClient;
import dev.fileshare.auth.SignInService;
import dev.fileshare.auth.TokenService;
import dev.fileshare.shared.UserId;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The last step of every sign-in: a token, refused if the account was disabled meanwhile, which
 * keeps where the request came from; and the place remembered ({@link SignInService}).
 */
@Component
class TokenIssuer {

  private final TokenService tokens;
  private final AccountAdministration administration;
  private final AuditLog audit;
  private final SignInService signInService;

  TokenIssuer(
      TokenService tokens,
      AccountAdministration administration,
      AuditLog audit,
      SignInService signInService) {
    this.tokens = tokens;
    this.administration = administration;
    this.audit = audit;
    this.signInService = signInService;
  }

  String signIn(UserId user, String username) {
    var client =
        RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
            ? SignInClient.of(request.getRequest())
            : SignInClient.UNKNOWN;
    var token = tokens.issue(user, client);
    if (administration.isDisabled(user)) {
      // disabled between the check and the token: the disabling may have missed this token
      tokens.revokeAll(user);
      throw PasswordService.disabled();
    }
    audit.record(
        AuditAction.SIGNED_IN,
        Optional.of(new AuditLog.Actor(user, username)),
        Optional.of(user),
        Map.of("browser", client.browser()));
    signInService.remember(user, client);
    return token;
  }

  String signIn(UserId user) {
    return signIn(user, administration.nameOf(user));
  }
}
