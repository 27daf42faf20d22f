package dev.fileshare.auth;

/**
 * Why a single sign-on did not sign anyone in, as the short code the web page turns into a sentence
 * ({@code /#sso_error=<code>}).
 */
enum SsoRefusal {
  /** The identity provider refused or failed (the person cancelled, or it is misconfigured). */
  PROVIDER,
  /** The sign-in ended, was used already, or came back to another browser than the one it left. */
  EXPIRED,
  /** The provider did not confirm the address (email_verified is not true), or sent none. */
  UNVERIFIED_EMAIL,
  /** An account has the address, but never confirmed it: it cannot be linked on trust. */
  UNCONFIRMED_ACCOUNT,
  /** Nobody has the address and this server does not create accounts through single sign-on. */
  NO_ACCOUNT,
  /** Nobody has the address and registration's domains do not include it. */
  DOMAIN,
  /** The account is disabled. */
  DISABLED,
  /** The account waits for an administrator's approval. */
  AWAITING_APPROVAL,
  /** Anything else; the server's log says what. */
  FAILED;

  String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Thrown to end a sign-in with a refusal. */
  static final class Refused extends RuntimeException {

    private final SsoRefusal reason;

    Refused(SsoRefusal reason) {
      super(reason.code(), null, false, false);
      this.reason = reason;
    }

    SsoRefusal reason() {
      return reason;
    }
  }
}
