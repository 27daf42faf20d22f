package dev.fileshare.accounts;

import dev.fileshare.accounts.AccountTokenRows.Purpose;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Registration, email verification and looking up accounts. */
@Service
public class AccountService {

  /** As Django's username rule: letters, digits and {@code @.+-_}, 1 to 150 characters. */
  private static final Pattern USERNAME =
      Pattern.compile("[\\w.@+-]{1,150}", Pattern.UNICODE_CHARACTER_CLASS);

  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}.]+(\\.[^@\\s\\p{Cntrl}.]+)+");

  private final UserRows users;
  private final AccountTokenRows tokens;
  private final InvitationRows invitations;
  private final RegistrationGate gate;
  private final PasswordPolicy policy;
  private final PasswordEncoder encoder;
  private final AccountsSettings settings;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final KnownFacts known = new KnownFacts();

  AccountService(
      UserRows users,
      AccountTokenRows tokens,
      InvitationRows invitations,
      RegistrationGate gate,
      PasswordPolicy policy,
      PasswordEncoder encoder,
      AccountsSettings settings,
      ApplicationEventPublisher events,
      TransactionTemplate transaction,
      Clock clock) {
    this.users = users;
    this.tokens = tokens;
    this.invitations = invitations;
    this.gate = gate;
    this.policy = policy;
    this.encoder = encoder;
    this.settings = settings;
    this.events = events;
    this.transaction = transaction;
    this.clock = clock;
  }

  /**
   * Creates an account whose email address still needs confirming, and sends the confirmation mail
   * (through the outbox, in the same transaction), if the registration policy lets it in (403
   * otherwise). An invitation, when given, is used up by it, and its address counts as confirmed
   * (the invitation's link reached it), so no confirmation mail is sent. Each attempt counts
   * against the client address's rate limit (429).
   */
  public Account register(
      @Nullable String username,
      @Nullable String password,
      @Nullable String email,
      @Nullable String invitation,
      String client) {
    if (isBlank(username) || isBlank(password) || isBlank(email)) {
      gate.countRefused(client);
      throw required();
    }
    var admission = gate.admit(email.strip(), invitation, client);
    return create(username, password, email, false, admission);
  }

  /**
   * Creates an administrator's account after the checks of registration, with its address taken as
   * confirmed (the operator who runs the command vouches for it) and no mail.
   */
  Account createAdmin(String username, String password, String email) {
    if (isBlank(username) || isBlank(password) || isBlank(email)) {
      throw required();
    }
    return create(username, password, email, true, RegistrationGate.Admission.ADMIN);
  }

  private Account create(
      String username,
      String password,
      String email,
      boolean admin,
      RegistrationGate.Admission admission) {
    var name = username.strip();
    var address = email.strip();
    if (!USERNAME.matcher(name).matches()) {
      throw bad(
          "Username may contain only letters, digits and @/./+/-/_ and be at most 150 characters");
    }
    if (users.byUsername(name).isPresent()) {
      throw bad("Username already taken");
    }
    if (!isEmailAddress(address)) {
      throw bad("Enter a valid email address");
    }
    if (users.byEmail(address).isPresent()) {
      throw bad("Email address already registered");
    }
    policy.check(password, name, address);
    var hash = encoder.encode(password);
    try {
      return transaction.execute(
          status -> {
            var now = clock.instant();
            var id =
                users.insert(
                    name,
                    address,
                    hash,
                    now.toEpochMilli(),
                    admission.approved() ? null : now.toEpochMilli());
            var invitation = admission.invitation();
            if (invitation.isPresent()
                && !invitations.use(invitation.get().id(), id, now.toEpochMilli())) {
              // used or revoked since it was checked: nothing of this registration is kept
              throw ApiException.error(HttpStatus.FORBIDDEN, RegistrationGate.INVALID_INVITATION);
            }
            if (admin || invitation.isPresent()) {
              // the operator vouches for the address, or the invitation's mail reached it
              users.markVerified(id);
              events.publishEvent(new Account.EmailVerified(new UserId(id)));
            } else {
              requestVerification(id, name, address, now);
            }
            if (admin) {
              users.setAdmin(id, true);
            }
            return users.byId(id).orElseThrow().toAccount();
          });
    } catch (DataIntegrityViolationException raced) {
      // Someone registered the same name or address a moment ago.
      throw users.byUsername(name).isPresent()
          ? bad("Username already taken")
          : bad("Email address already registered");
    }
  }

  /** Confirms the email address that the token was sent to. The token works once. */
  public void verifyEmail(String token) {
    var verified =
        transaction.execute(
            status -> {
              var owner =
                  tokens.consume(token, Purpose.VERIFY_EMAIL, clock.instant().toEpochMilli());
              owner.ifPresent(
                  id -> {
                    users.markVerified(id);
                    events.publishEvent(new Account.EmailVerified(new UserId(id)));
                  });
              return owner.isPresent();
            });
    if (!Boolean.TRUE.equals(verified)) {
      throw bad(
          "This verification link is invalid, was already used or has expired."
              + " Ask for a new one with POST /api/user/resend-verification/");
    }
  }

  /**
   * Sends a new verification link, which replaces the earlier ones, if the address belongs to an
   * account that is not verified yet. Says nothing about whether it does.
   */
  public void resendVerification(String email) {
    if (isBlank(email)) {
      throw bad("Email is required");
    }
    users
        .byEmail(email.strip())
        .filter(user -> !user.verified())
        .ifPresent(
            user ->
                transaction.executeWithoutResult(
                    status ->
                        requestVerification(
                            user.id(), user.username(), user.email(), clock.instant())));
  }

  public Optional<Account> find(UserId id) {
    return users.byId(id.value()).map(UserRow::toAccount);
  }

  /**
   * Whether the user has confirmed their email address. A yes is remembered: an address once
   * confirmed stays confirmed, so the answer cannot go stale on any node.
   */
  public boolean isVerified(UserId id) {
    if (known.verified(id)) {
      return true;
    }
    var verified = users.byId(id.value()).map(UserRow::verified).orElse(false);
    if (verified) {
      known.rememberVerified(id);
    }
    return verified;
  }

  /**
   * The usernames of these users, from memory or in one query for those not seen yet. Usernames
   * never change, so what is remembered cannot go stale.
   */
  public Map<UserId, String> usernames(Collection<UserId> ids) {
    var names = new HashMap<UserId, String>();
    var missing = new ArrayList<Long>();
    for (var id : ids) {
      var name = known.username(id);
      if (name.isPresent()) {
        names.put(id, name.get());
      } else {
        missing.add(id.value());
      }
    }
    if (!missing.isEmpty()) {
      for (var row : users.byIds(missing.stream().distinct().toList())) {
        var id = new UserId(row.id());
        known.rememberUsername(id, row.username());
        names.put(id, row.username());
      }
    }
    return names;
  }

  private void requestVerification(long id, String username, String email, Instant now) {
    var expires = now.plus(settings.verificationTtl());
    var token =
        tokens.replace(id, Purpose.VERIFY_EMAIL, now.toEpochMilli(), expires.toEpochMilli());
    events.publishEvent(
        new Account.VerificationRequested(new UserId(id), username, email, token, expires));
  }

  private static ApiException required() {
    return bad("Username, password, and email are required");
  }

  static boolean isEmailAddress(String address) {
    return address.length() <= 254 && EMAIL.matcher(address).matches();
  }

  static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  static ApiException bad(String message) {
    return ApiException.error(HttpStatus.BAD_REQUEST, message);
  }
}
