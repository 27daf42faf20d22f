package dev.fileshare.sharing;

import dev.fileshare.auth.RateLimiter;
import dev.fileshare.shared.Secrets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Proves that a visitor reads the mail of an address, for anything restricted to {@link
 * Recipients}: a link, or another module's own public page. The visitor gives an address; if it is
 * allowed, a 6-digit code is mailed to it. Asking answers the same, and does the same work, whether
 * or not the address is allowed: a code is made, hashed and stored in both cases, and only the mail
 * differs. A code is valid for {@code fileshare.sharing.codes.ttl}, used once, tried a few times,
 * and kept only as its Argon2id hash; codes are never logged.
 *
 * <p>The caller names what the code opens with a scope (such as {@code link:7}), and grants its own
 * access once {@link #verify} answers the address.
 */
@Service
public class RecipientCheck {

  private static final SecureRandom random = new SecureRandom();
  private static final Pattern CODE = Pattern.compile("\\d{6}");

  /** Expired codes are kept this long, so that entering one says it expired. */
  private static final Duration KEPT_EXPIRED = Duration.ofDays(1);

  private final CodeRows rows;
  private final PasswordEncoder hashes;
  private final RateLimiter limits;
  private final CodeSettings settings;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  RecipientCheck(
      CodeRows rows,
      PasswordEncoder hashes,
      RateLimiter limits,
      CodeSettings settings,
      ApplicationEventPublisher events,
      Clock clock) {
    this.rows = rows;
    this.hashes = hashes;
    this.limits = limits;
    this.settings = settings;
    this.events = events;
    this.clock = clock;
  }

  /**
   * A code was asked for an allowed address: the mail to send. Its text never shows the code.
   *
   * @param address where the code goes
   * @param code the six digits
   * @param purpose what the code opens, for the mail ("open a link to a file alice shared")
   * @param page the page to enter it on
   * @param validFor how long it is valid
   */
  public record CodeRequested(
      String address, String code, String purpose, String page, Duration validFor) {

    @Override
    public String toString() {
      return "CodeRequested[address=" + address + ", page=" + page + "]";
    }
  }

  /** What a scope is: the kind of thing and its id, such as {@code link:7}. */
  public static String scope(String kind, long id) {
    return kind + ":" + id;
  }

  /** How long a code is valid. */
  public Duration validFor() {
    return settings.ttl();
  }

  /**
   * Asks for a code: mailed if {@code allowed} allows the address, and answered alike either way.
   * Refuses a malformed address (400), and too many codes for the client address, the scope or the
   * visitor's address (429 with Retry-After).
   */
  public void ask(
      String scope,
      Recipients allowed,
      String typedAddress,
      String client,
      String purpose,
      String page) {
    var address = Recipients.address(typedAddress).orElseThrow(CodeProblems::malformedAddress);
    var key = Secrets.hash(address);
    limits.take("code-client:" + client, settings.perClient());
    limits.take("code-scope:" + scope, settings.perScope());
    limits.take("code-address:" + key, settings.perAddress());
    var code = "%06d".formatted(random.nextInt(1_000_000));
    rows.put(scope, key, hashes.encode(code), clock.millis() + settings.ttl().toMillis());
    if (allowed.allows(address)) {
      events.publishEvent(new CodeRequested(address, code, purpose, page, settings.ttl()));
    }
  }

  /**
   * Checks a code, and answers the address it proves (normalised). Each entry takes a try, right or
   * wrong; the right code works once. Refuses with a 400 that says why: a malformed address or
   * code, a wrong code (with the tries left), no tries left, an expired or used code, a code for
   * another scope, or none asked; and with 429 after too many wrong codes from the client address.
   */
  public String verify(
      String scope, Recipients allowed, String typedAddress, String typedCode, String client) {
    var address = Recipients.address(typedAddress).orElseThrow(CodeProblems::malformedAddress);
    var code = typedCode.replaceAll("[\\s-]", "");
    if (!CODE.matcher(code).matches()) {
      throw CodeProblems.malformedCode();
    }
    var failures = "code-failures-client:" + client;
    limits.check(failures, settings.failuresPerClient());
    var key = Secrets.hash(address);
    var now = clock.millis();
    var taken = rows.takeTry(scope, key, settings.tries(), now);
    if (taken.isEmpty()) {
      limits.take(failures, settings.failuresPerClient());
      throw refused(scope, key, code, now);
    }
    var right = hashes.matches(code, taken.get().codeHash());
    if (!right || !allowed.allows(address)) {
      limits.take(failures, settings.failuresPerClient());
      if (sentElsewhere(scope, key, code, now)) {
        throw CodeProblems.otherScope();
      }
      throw CodeProblems.wrong(Math.max(0, settings.tries() - taken.get().tries()));
    }
    if (!rows.use(scope, key, now)) {
      throw CodeProblems.used();
    }
    return address;
  }

  /** Removes codes that have expired; answers how many. */
  int clean() {
    var removed = 0;
    int batch;
    do {
      batch = rows.deleteExpired(clock.millis() - KEPT_EXPIRED.toMillis());
      removed += batch;
    } while (batch > 0);
    return removed;
  }

  /** Why no try could be taken. */
  private RuntimeException refused(String scope, String key, String code, long now) {
    var found = rows.find(scope, key);
    if (found.isEmpty()) {
      return sentElsewhere(scope, key, code, now)
          ? CodeProblems.otherScope()
          : CodeProblems.notAsked();
    }
    var row = found.get();
    if (row.usedAt() != null) {
      return CodeProblems.used();
    }
    if (row.expiresAt() <= now) {
      return CodeProblems.expired();
    }
    return CodeProblems.noTriesLeft();
  }

  private boolean sentElsewhere(String scope, String key, String code, long now) {
    return rows.elsewhere(scope, key, now).stream()
        .anyMatch(other -> hashes.matches(code, other.codeHash()));
  }
}
