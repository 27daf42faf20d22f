package dev.fileshare.admin;

import dev.fileshare.accounts.Account;
import dev.fileshare.accounts.AccountAdministration;
import dev.fileshare.accounts.AccountLookup;
import dev.fileshare.accounts.AccountService;
import dev.fileshare.accounts.ManagedAccount;
import dev.fileshare.accounts.UserCursor;
import dev.fileshare.audit.AuditAction;
import dev.fileshare.audit.AuditLog;
import dev.fileshare.auth.TwoFactorService;
import dev.fileshare.files.FileDisposal;
import dev.fileshare.quotas.QuotaService;
import dev.fileshare.quotas.QuotaService.Limit;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.UserId;
import dev.fileshare.sharing.LinkService;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the admin API does: list and find accounts with what they store, disable, enable and delete
 * them, set their quota, send a new verification mail, and the server's totals. Every change is
 * logged at INFO with who made it and to whom, and recorded in the audit log.
 */
@Service
public class AdminService {

  /** The longest search: an email address. */
  static final int MAX_SEARCH = 254;

  private static final Logger log = LoggerFactory.getLogger(AdminService.class);

  private final AccountAdministration accounts;
  private final QuotaService quotas;
  private final TotalRows totals;

  private final AuditLog audit;
  private final AccountLookup lookup;
  private final AccountService accountService;
  private final FileDisposal files;
  private final LinkService links;
  private final TransactionTemplate transaction;
  private final TwoFactorService twoFactor;
  private final ApplicationEventPublisher events;

  AdminService(
      AccountAdministration accounts,
      QuotaService quotas,
      TotalRows totals,
      AuditLog audit,
      AccountLookup lookup,
      AccountService accountService,
      FileDisposal files,
      LinkService links,
      TransactionTemplate transaction,
      TwoFactorService twoFactor,
      ApplicationEventPublisher events) {
    this.twoFactor = twoFactor;
    this.events = events;
    this.audit = audit;
    this.lookup = lookup;
    this.accountService = accountService;
    this.files = files;
    this.links = links;
    this.transaction = transaction;
    this.accounts = accounts;
    this.quotas = quotas;
    this.totals = totals;
  }

  /**
   * A page of users after {@code cursor} (empty: the first page). A search with an {@code @} lists
   * the users whose address starts with it, by address; any other search those whose username
   * starts with it, by username; case is ignored. {@code pending}: only the accounts that wait for
   * approval.
   */
  public UserPage users(String search, Optional<String> cursor, int limit, boolean pending) {
    var prefix = search.strip();
    if (prefix.length() > MAX_SEARCH) {
      throw ApiException.invalid(
          "search", "search is the start of a username or address, at most 254 characters.");
    }
    var byEmail = prefix.contains("@");
    var from = cursor.filter(text -> !text.isEmpty()).map(text -> decode(text, byEmail));
    var found = accounts.page(prefix, from.orElse(UserCursor.start(byEmail)), limit + 1, pending);
    var page = found.size() > limit ? found.subList(0, limit) : found;
    var usage = quotas.usages(page.stream().map(a -> a.account().id()).toList());
    var ids = page.stream().map(a -> a.account().id()).toList();
    var secondFactor = twoFactor.enabledAmong(ids);
    var users =
        page.stream()
            .map(
                a ->
                    new AdminUser(
                        a, usage.get(a.account().id()), secondFactor.contains(a.account().id())))
            .toList();
    var next =
        found.size() > limit
            ? Optional.of(new UserCursor(byEmail, key(page.get(page.size() - 1), byEmail)))
            : Optional.<UserCursor>empty();
    return new UserPage(users, next);
  }

  /** The user, or 404. */
  public AdminUser user(UserId id) {
    var account = accounts.find(id).orElseThrow(ApiException::notFound);
    return new AdminUser(account, quotas.usage(id), twoFactor.enabled(id));
  }

  /** Disables the user (409 for the caller's own account); as it is now. */
  public AdminUser disable(UserId actor, UserId id) {
    var target = user(id);
    if (accounts.disable(actor, id)) {
      log.info("Administrator {} disabled the account {}", name(actor), describe(target));
      audit.record(AuditAction.ACCOUNT_DISABLED, actor(actor), Optional.of(id), Map.of());
    }
    return user(id);
  }

  /** Enables the user; as it is now. */
  public AdminUser enable(UserId actor, UserId id) {
    var target = user(id);
    if (accounts.enable(id)) {
      log.info("Administrator {} enabled the account {}", name(actor), describe(target));
      audit.record(AuditAction.ACCOUNT_ENABLED, actor(actor), Optional.of(id), Map.of());
    }
    return user(id);
  }

  /**
   * Turns two-factor sign-in off for the user, who lost the app and the recovery codes: they sign
   * in with the password alone until they set it up again, and are told by mail. As it is now.
   */
  public AdminUser turnOffTwoFactor(UserId actor, UserId id) {
    var target = user(id);
    var account = target.account().account();
    var turnedOff =
        Boolean.TRUE.equals(
            transaction.execute(
                status -> {
                  if (!twoFactor.turnOffFor(actor, id)) {
                    return false;
                  }
                  events.publishEvent(
                      new TwoFactorTurnedOff(id, account.username(), account.email(), name(actor)));
                  return true;
                }));
    if (turnedOff) {
      log.info(
          "Administrator {} turned two-factor sign-in off for the account {}",
          name(actor),
          describe(target));
    }
    return user(id);
  }

  /** What deleting an account did with its files: removed for good, or given to {@code heir}. */
  public record Deletion(UserId id, String username, long files, Optional<String> heir) {}

  /**
   * Deletes the account for good (409 for the caller's own). Its files are removed for good when
   * {@code heir} is empty, or become the heir's (with their versions, shares and links; the heir's
   * usage grows by what they store, quota or not). The account is disabled first, which ends its
   * sign-ins at once; removing files goes a batch at a time, so a deletion cut short leaves a
   * disabled account with fewer files, and doing it again finishes it.
   */
  public Deletion delete(UserId actor, UserId id, Optional<String> heir) {
    if (actor.equals(id)) {
      throw new ApiException(HttpStatus.CONFLICT, "You cannot delete your own account.");
    }
    var target = user(id);
    var to = heir.map(name -> heirNamed(name, id));
    accounts.disable(actor, id);
    long removed = to.isPresent() ? 0 : files.removeAll(id);
    var moved =
        transaction.execute(
            status -> {
              var count =
                  to.map(
                          account -> {
                            var given = files.transfer(id, account.id());
                            links.handOver(id, account.id());
                            quotas.transfer(id, account.id());
                            return given;
                          })
                      .orElse(0L);
              if (!accounts.delete(id)) {
                throw ApiException.notFound();
              }
              audit.record(
                  AuditAction.ACCOUNT_DELETED,
                  actor(actor),
                  Optional.of(id),
                  to.<Map<String, Object>>map(
                          account -> Map.of("files_to", account.username(), "files", count))
                      .orElse(Map.of("files_removed", removed)));
              return count;
            });
    var files = to.isPresent() ? moved : removed;
    log.info(
        "Administrator {} deleted the account {}; its {} files {}",
        name(actor),
        describe(target),
        files,
        to.map(account -> "went to " + account.username()).orElse("were removed"));
    return new Deletion(
        id, target.account().account().username(), files, to.map(Account::username));
  }

  private Account heirNamed(String name, UserId deleted) {
    var account =
        lookup
            .byUsername(name.strip())
            .orElseThrow(() -> ApiException.invalid("to", "No user is named " + name + "."));
    if (account.id().equals(deleted)) {
      throw ApiException.invalid("to", "The files cannot go to the account that is deleted.");
    }
    if (accounts.isDisabled(account.id())) {
      throw ApiException.invalid("to", account.username() + "'s account is disabled.");
    }
    return account;
  }

  /** Sends the account a new verification link (409 when its address is confirmed already). */
  public void resendVerification(UserId actor, UserId id) {
    var target = user(id);
    var account = target.account().account();
    if (account.verified()) {
      throw new ApiException(HttpStatus.CONFLICT, "This address is confirmed already.");
    }
    accountService.resendVerification(account.email());
    audit.record(AuditAction.VERIFICATION_RESENT, actor(actor), Optional.of(id), Map.of());
  }

  /** Lets an account that waits for approval sign in; as it is now. */
  public AdminUser approve(UserId actor, UserId id) {
    var target = user(id);
    if (accounts.approve(id)) {
      log.info("Administrator {} approved the account {}", name(actor), describe(target));
      audit.record(AuditAction.ACCOUNT_APPROVED, actor(actor), Optional.of(id), Map.of());
    }
    return user(id);
  }

  /** Sets the user's quota of bytes; as it is now. */
  public AdminUser setQuota(UserId actor, UserId id, Limit bytes) {
    var target = user(id);
    quotas.setQuota(id, Optional.of(bytes), Optional.empty());
    var shown =
        bytes.unlimited()
            ? "no limit"
            : bytes.value().map(value -> value + " bytes").orElse("the server's default");
    log.info(
        "Administrator {} set the quota of the account {} to {}",
        name(actor),
        describe(target),
        shown);
    audit.record(AuditAction.QUOTA_SET, actor(actor), Optional.of(id), Map.of("quota", shown));
    return user(id);
  }

  public Totals totals() {
    return totals.sum();
  }

  private UserCursor decode(String text, boolean byEmail) {
    return UserCursor.decode(text)
        .filter(cursor -> cursor.byEmail() == byEmail)
        .orElseThrow(
            () ->
                ApiException.invalid(
                    "cursor",
                    "cursor must be the one of a Link header of this list, with the same kind of"
                        + " search (a username, or an address with @)."));
  }

  private static String key(ManagedAccount account, boolean byEmail) {
    var text = byEmail ? account.account().email() : account.account().username();
    return text.toLowerCase(java.util.Locale.ROOT);
  }

  /** Records that the administrator revoked an invitation. */
  public void invitationRevoked(UserId actor, long invitation) {
    audit.record(
        AuditAction.INVITATION_REVOKED,
        actor(actor),
        Optional.empty(),
        Map.of("invitation", invitation));
  }

  private Optional<AuditLog.Actor> actor(UserId actor) {
    return Optional.of(new AuditLog.Actor(actor, name(actor)));
  }

  private String name(UserId actor) {
    return accounts.nameOf(actor);
  }

  private static String describe(AdminUser user) {
    var account = user.account().account();
    return account.username() + " (id " + account.id().value() + ")";
  }
}
