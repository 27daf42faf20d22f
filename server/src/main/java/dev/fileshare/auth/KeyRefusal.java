package dev.fileshare.auth;

import java.util.Optional;
import org.springframework.security.authorization.AuthorizationDecision;

/**
 * A request made with an API key that the key may not make: what the 403 problem says, and the
 * scope the key would need, if one would do.
 */
final class KeyRefusal extends AuthorizationDecision {

  private final String detail;
  private final Optional<Scope> missing;

  private KeyRefusal(String detail, Optional<Scope> missing) {
    super(false);
    this.detail = detail;
    this.missing = missing;
  }

  static KeyRefusal missing(Scope scope) {
    return new KeyRefusal(
        "This API key does not have the scope " + scope.wire() + ".", Optional.of(scope));
  }

  static KeyRefusal notForKeys() {
    return new KeyRefusal(
        "API keys cannot call this endpoint; sign in with a password for it.", Optional.empty());
  }

  String detail() {
    return detail;
  }

  Optional<Scope> scope() {
    return missing;
  }
}
