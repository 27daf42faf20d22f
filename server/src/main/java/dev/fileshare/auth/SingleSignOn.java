package dev.fileshare.auth;

import dev.fileshare.accounts.AccountAdministration;
import dev.fileshare.accounts.ManagedAccount;
import dev.fileshare.accounts.SsoAccountService;
import dev.fileshare.audit.AuditAction;
import dev.fileshare.audit.AuditLog;
import dev.fileshare.shared.Secrets;
import dev.fileshare.shared.UserId;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Signs in a person an identity provider vouches for: finds their account by the provider's name
 * for them, else links or creates one by their confirmed address, keeps the administrator role in
 * step with the configured group, and hands out a one-time code that the web page exchanges for an
 * ordinary sign-in token. Every outcome goes to the audit log.
 */
@Service
public class SingleSignOn {

  static final int CODE_BYTES = 20;

  private final SsoIdentityRows identities;
  private final SsoCodeRows codes;
  private final SsoRequestRows requests;
  private final SsoAccountService accounts;
  private final AccountAdministration administration;
  private final AuditLog audit;
  private final SsoSettings settings;
  private final Clock clock;

  SingleSignOn(
      SsoIdentityRows identities,
      SsoCodeRows codes,
      SsoRequestRows requests,
      SsoAccountService accounts,
      AccountAdministration administration,
      AuditLog audit,
      SsoSettings settings,
      Clock clock) {
    this.identities = identities;
    this.codes = codes;
    this.requests = requests;
    this.accounts = accounts;
    this.administration = administration;
    this.audit = audit;
    this.settings = settings;
    this.clock = clock;
  }

  /** The one-time code for the person's account, or {@link SsoRefusal.Refused} saying why not. */
  String signIn(SsoPerson person) {
    var identity = identities.find(person.issuer(), person.subject());
    var account =
        identity.isPresent()
            ? administration.find(new UserId(identity.get().userId())).orElseThrow()
            : firstSignIn(person);
    var user = account.account().id();
    if (account.disabled().isPresent()) {
      throw refused(person, SsoRefusal.DISABLED, Optional.of(user));
    }
    if (account.awaitingApproval().isPresent()) {
      throw refused(person, SsoRefusal.AWAITING_APPROVAL, Optional.of(user));
    }
    var link = identity.or(() -> identities.find(person.issuer(), person.subject())).orElseThrow();
    var name = account.account().username();
    settings.group().ifPresent(group -> followGroup(person, group, link, user, name));
    var code = Secrets.generate(CODE_BYTES);
    codes.insert(Secrets.hash(code), user.value(), clock.millis() + settings.codeTtl().toMillis());
    audit.record(
        AuditAction.SSO_SIGNED_IN,
        Optional.of(new AuditLog.Actor(user, name)),
        Optional.of(user),
        Map.of("provider", person.registrationId()));
    return code;
  }

  /** The user of a one-time code, which is used up. */
  public Optional<UserId> exchange(@Nullable String code) {
    if (!Secrets.looksLike(code, CODE_BYTES)) {
      return Optional.empty();
    }
    return codes.take(Secrets.hash(code), clock.millis()).map(UserId::new);
  }

  /** Records a sign-in that failed before the person was known (at the provider or on return). */
  void failed(String registrationId, SsoRefusal reason, String detail) {
    audit.record(
        AuditAction.SSO_SIGN_IN_FAILED,
        Optional.empty(),
        Optional.empty(),
        Map.of("provider", registrationId, "reason", reason.code(), "error", clip(detail)));
  }

  private ManagedAccount firstSignIn(SsoPerson person) {
    var email = person.email().filter(address -> !address.isBlank());
    if (email.isEmpty() || !person.emailVerified()) {
      throw refused(person, SsoRefusal.UNVERIFIED_EMAIL, Optional.empty());
    }
    var existing = accounts.byEmail(email.get());
    if (existing.isPresent()) {
      var account = existing.get().account();
      if (!account.verified()) {
        throw refused(person, SsoRefusal.UNCONFIRMED_ACCOUNT, Optional.of(account.id()));
      }
      link(person, account.id(), account.username(), AuditAction.SSO_LINKED);
      return existing.get();
    }
    if (!settings.createAccounts()) {
      throw refused(person, SsoRefusal.NO_ACCOUNT, Optional.empty());
    }
    if (!accounts.mayCreate(email.get())) {
      throw refused(person, SsoRefusal.DOMAIN, Optional.empty());
    }
    var created = accounts.create(person.preferredUsername(), email.get());
    link(person, created.id(), created.username(), AuditAction.SSO_ACCOUNT_CREATED);
    return administration.find(created.id()).orElseThrow();
  }

  private void link(SsoPerson person, UserId user, String name, AuditAction action) {
    identities.insert(
        user.value(), person.registrationId(), person.issuer(), person.subject(), clock.millis());
    audit.record(
        action,
        Optional.of(new AuditLog.Actor(user, name)),
        Optional.of(user),
        Map.of(
            "provider", person.registrationId(),
            "issuer", person.issuer(),
            "subject", clip(person.subject())));
  }

  /**
   * A member of the group becomes an administrator; one who left it stops being one, if the group
   * made them one. An administrator made any other way stays one.
   */
  private void followGroup(
      SsoPerson person, String group, SsoIdentityRows.Row link, UserId user, String name) {
    var member = person.groups().contains(group);
    if (member && administration.setAdmin(user, true)) {
      identities.setAdminFromGroup(link.id(), true);
      roleChanged(AuditAction.ADMIN_GRANTED, person, group, user, name);
    } else if (!member && link.adminFromGroup()) {
      identities.setAdminFromGroup(link.id(), false);
      if (administration.setAdmin(user, false)) {
        roleChanged(AuditAction.ADMIN_REVOKED, person, group, user, name);
      }
    }
  }

  private void roleChanged(
      AuditAction action, SsoPerson person, String group, UserId user, String name) {
    audit.record(
        action,
        Optional.of(new AuditLog.Actor(user, name)),
        Optional.of(user),
        Map.of("source", "sso", "provider", person.registrationId(), "group", group));
  }

  private SsoRefusal.Refused refused(
      SsoPerson person, SsoRefusal reason, Optional<UserId> subject) {
    var detail = new HashMap<String, Object>();
    detail.put("provider", person.registrationId());
    detail.put("reason", reason.code());
    person.email().ifPresent(email -> detail.put("email", clip(email)));
    audit.record(AuditAction.SSO_SIGN_IN_FAILED, Optional.empty(), subject, detail);
    return new SsoRefusal.Refused(reason);
  }

  private static String clip(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200);
  }

  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
  void purgeExpired() {
    var now = clock.millis();
    requests.deleteExpired(now);
    codes.deleteExpired(now);
  }
}
