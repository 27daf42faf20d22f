package dev.fileshare.auth.web;

import dev.fileshare.accounts.AccountAdministration;
import dev.fileshare.accounts.PasswordService;
import dev.fileshare.audit.AuditAction;
import dev.fileshare.audit.AuditLog;
import dev.fileshare.auth.TokenService;
import dev.fileshare.shared.UserId;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The last step of every sign-in: a token, refused if the account was disabled meanwhile. */
@Component
class TokenIssuer {

  private final TokenService tokens;
  private final AccountAdministration administration;
  private final AuditLog audit;

  TokenIssuer(TokenService tokens, AccountAdministration administration, AuditLog audit) {
    this.tokens = tokens;
    this.administration = administration;
    this.audit = audit;
  }

  String signIn(UserId user, String username) {
    var token = tokens.issue(user);
    if (administration.isDisabled(user)) {
      // disabled between the check and the token: the disabling may have missed this token
      tokens.revokeAll(user);
      throw PasswordService.disabled();
    }
    audit.record(
        AuditAction.SIGNED_IN,
        Optional.of(new AuditLog.Actor(user, username)),
        Optional.of(user),
        Map.of());
    return token;
  }

  String signIn(UserId user) {
    var name =
        administration
            .find(user)
            .map(found -> found.account().username())
            .orElse("#" + user.value());
    return signIn(user, name);
  }
}
