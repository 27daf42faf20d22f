package dev.fileshare.accounts;

import dev.fileshare.shared.Secrets;
import dev.fileshare.shared.UserId;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accounts as single sign-on needs them: found by their address, and created for a person whose
 * address an identity provider has confirmed. Such an account has its address confirmed, needs no
 * approval, and has no password anyone knows (its owner may set one through a password reset).
 * Registration's {@code domains} list still limits whom it may create; the other policies do not,
 * as the identity provider decides who belongs (docs/decisions.md, "Single sign-on").
 */
@Service
public class SsoAccountService {

  private static final Pattern NOT_IN_A_USERNAME =
      Pattern.compile("[^\\w.@+-]", Pattern.UNICODE_CHARACTER_CLASS);
  private static final int LONGEST_BASE = 140;

  private final UserRows users;
  private final RegistrationGate gate;
  private final PasswordEncoder encoder;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;
  private final Clock clock;

  SsoAccountService(
      UserRows users,
      RegistrationGate gate,
      PasswordEncoder encoder,
      ApplicationEventPublisher events,
      TransactionTemplate transaction,
      Clock clock) {
    this.users = users;
    this.gate = gate;
    this.encoder = encoder;
    this.events = events;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** The account with this address, compared as registration compares them (case ignored). */
  public Optional<ManagedAccount> byEmail(String email) {
    return users.byEmail(email.strip()).map(UserRow::toManaged);
  }

  /** Whether the registration settings let single sign-on create an account for the address. */
  public boolean mayCreate(String email) {
    return gate.policy() != RegistrationPolicy.DOMAINS || gate.allowed(email);
  }

  /**
   * Creates an account for a confirmed address: named after {@code preferredName} (or else the
   * address's local part), made valid and unique by dropping what a username may not hold and
   * adding a number. An address that registration would refuse is an {@link
   * IllegalArgumentException}.
   */
  public Account create(Optional<String> preferredName, String email) {
    var address = email.strip();
    if (!AccountService.isEmailAddress(address)) {
      throw new IllegalArgumentException(
          "The identity provider sent an address this server refuses");
    }
    var name = uniqueName(base(preferredName, address));
    // a password nobody knows: the account signs in through its identity provider
    var hash = encoder.encode(Secrets.generate(32));
    return transaction.execute(
        status -> {
          var id = users.insert(name, address, hash, clock.millis(), null);
          users.markVerified(id);
          events.publishEvent(new Account.EmailVerified(new UserId(id)));
          return users.byId(id).orElseThrow().toAccount();
        });
  }

  static String base(Optional<String> preferredName, String email) {
    var wanted =
        preferredName
            .map(String::strip)
            .filter(name -> !name.isEmpty())
            .orElse(email.substring(0, Math.max(0, email.lastIndexOf('@'))));
    var cleaned = NOT_IN_A_USERNAME.matcher(wanted).replaceAll("");
    if (cleaned.length() > LONGEST_BASE) {
      cleaned = cleaned.substring(0, LONGEST_BASE);
    }
    return cleaned.isEmpty() ? "user" : cleaned;
  }

  private String uniqueName(String base) {
    if (users.byUsername(base).isEmpty()) {
      return base;
    }
    for (var n = 2; n < 100; n++) {
      var name = base + "-" + n;
      if (users.byUsername(name).isEmpty()) {
        return name;
      }
    }
    return base + "-" + Secrets.generate(4).toLowerCase(Locale.ROOT);
  }
}
