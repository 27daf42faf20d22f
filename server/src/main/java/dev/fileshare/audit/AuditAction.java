package dev.fileshare.audit;

import java.util.Locale;

/** What an audit entry records; written in lower case ({@code sign_in_failed}). */
public enum AuditAction {
  SIGNED_IN,
  SIGN_IN_FAILED,
  SIGNED_OUT,
  SIGNED_OUT_EVERYWHERE,
  PASSWORD_CHANGED,
  PASSWORD_RESET,
  ACCOUNT_DISABLED,
  ACCOUNT_ENABLED,
  QUOTA_SET,
  ADMIN_GRANTED,
  ADMIN_REVOKED,
  ADMIN_CREATED,
  API_KEY_CREATED,
  API_KEY_REVOKED,
  API_KEY_USED,
  ACCOUNT_APPROVED,
  INVITATION_SENT,
  INVITATION_REVOKED,
  TWO_FACTOR_ENABLED,
  TWO_FACTOR_DISABLED,
  TWO_FACTOR_FAILED,
  RECOVERY_CODE_USED,
  SSO_SIGNED_IN,
  SSO_SIGN_IN_FAILED,
  SSO_ACCOUNT_CREATED,
  SSO_LINKED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
