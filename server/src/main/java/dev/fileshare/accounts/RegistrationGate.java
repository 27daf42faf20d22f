package dev.fileshare.accounts;

import dev.fileshare.accounts.RegistrationLimits.Kind;
import dev.fileshare.shared.ApiException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may register: the policy, the allowed domains and invitations, and which rate limit counts an
 * attempt. Every refusal is a 403 problem whose {@code detail} (and the original API's {@code
 * error}) says who may register here.
 */
@Component
public class RegistrationGate {

  static final String INVALID_INVITATION =
      "This invitation is invalid, was already used, was revoked or has expired. Ask for a new"
          + " one.";
  static final String OTHER_ADDRESS =
      "This invitation is for another email address: register with the address it was sent to.";

  private final RegistrationPolicy policy;
  private final List<String> domains;
  private final RegistrationSettings settings;
  private final InvitationRows invitations;
  private final RegistrationLimits limits;
  private final Clock clock;

  RegistrationGate(
      RegistrationSettings settings,
      Environment environment,
      InvitationRows invitations,
      RegistrationLimits limits,
      Clock clock) {
    var named = settings.policy();
    if (named == null) {
      // FILESHARE_REGISTRATION=invite, as the setting is spelled in the issue
      named = environment.getProperty("fileshare.registration", "open");
    }
    this.policy = RegistrationPolicy.parse(named);
    this.domains =
        settings.domains().stream()
            .map(domain -> domain.strip().toLowerCase(Locale.ROOT))
            .filter(domain -> !domain.isEmpty())
            .toList();
    for (var domain : domains) {
      var name = domain.startsWith("*.") ? domain.substring(2) : domain;
      if (name.isEmpty() || name.contains("*") || name.contains("@") || name.startsWith(".")) {
        throw new IllegalStateException(
            "fileshare.registration.domains lists domains such as example.org or *.example.org,"
                + " not "
                + domain);
      }
    }
    if (policy == RegistrationPolicy.DOMAINS && domains.isEmpty()) {
      throw new IllegalStateException(
          "fileshare.registration.policy=domains needs fileshare.registration.domains");
    }
    this.settings = settings;
    this.invitations = invitations;
    this.limits = limits;
    this.clock = clock;
  }

  /** What a new account needs, once registration has let it in. */
  record Admission(Optional<InvitationRows.Row> invitation, boolean approved) {

    static final Admission ADMIN = new Admission(Optional.empty(), true);
  }

  public RegistrationPolicy policy() {
    return policy;
  }

  /** Whether every user, not only administrators, may send invitations. */
  public boolean usersMayInvite() {
    return settings.usersMayInvite();
  }

  /** Who may register, in a sentence for the registration page; empty under the open policy. */
  public Optional<String> notice() {
    return switch (policy) {
      case OPEN -> Optional.empty();
      case CLOSED -> Optional.of(closed());
      case INVITE -> Optional.of(inviteOnly());
      case DOMAINS -> Optional.of(domainsOnly());
    };
  }

  /**
   * Lets a registration in or refuses it (403), after counting it against the client address's
   * limit: the strict one unless an invitation or an allowed domain admits it.
   */
  Admission admit(String email, @Nullable String invitation, String client) {
    if (policy == RegistrationPolicy.CLOSED) {
      throw refused(client, closed());
    }
    if (invitation != null && !invitation.isBlank()) {
      var found = invitations.usable(invitation.strip(), clock.millis());
      if (found.isEmpty()) {
        throw refused(client, INVALID_INVITATION);
      }
      if (!UserRows.key(found.get().email()).equals(UserRows.key(email))) {
        throw refused(client, OTHER_ADDRESS);
      }
      limits.take(client, Kind.ADMITTED);
      return new Admission(found, found.get().byAdmin() || !settings.approval());
    }
    if (policy == RegistrationPolicy.INVITE) {
      throw refused(client, inviteOnly());
    }
    if (policy == RegistrationPolicy.DOMAINS) {
      if (!allowed(email)) {
        throw refused(client, domainsOnly());
      }
      limits.take(client, Kind.ADMITTED);
    } else {
      limits.take(client, Kind.ANYONE);
    }
    return new Admission(Optional.empty(), !settings.approval());
  }

  /** Counts an attempt that is refused before the policy is asked (a missing field). */
  void countRefused(String client) {
    limits.take(client, Kind.ANYONE);
  }

  /** Whether the address's domain is one of the allowed ones (case ignored). */
  boolean allowed(String email) {
    var at = email.lastIndexOf('@');
    if (at < 0) {
      return false;
    }
    var domain = email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
    for (var pattern : domains) {
      if (pattern.startsWith("*.")
          ? domain.endsWith(pattern.substring(1)) && domain.length() > pattern.length() - 1
          : domain.equals(pattern)) {
        return true;
      }
    }
    return false;
  }

  private ApiException refused(String client, String detail) {
    limits.take(client, Kind.ANYONE);
    return ApiException.error(HttpStatus.FORBIDDEN, detail);
  }

  private static String closed() {
    return "Registration is closed on this server: ask an administrator for an account.";
  }

  private String inviteOnly() {
    return "This server registers people by invitation only: ask "
        + (settings.usersMayInvite() ? "someone who uses it" : "an administrator")
        + " for an invitation and register with its link.";
  }

  private String domainsOnly() {
    var names = new ArrayList<String>();
    for (var pattern : domains) {
      names.add(pattern.startsWith("*.") ? "any domain under " + pattern.substring(2) : pattern);
    }
    return "Only addresses at "
        + String.join(" or ", names)
        + " may register on this server, or people with an invitation.";
  }
}
