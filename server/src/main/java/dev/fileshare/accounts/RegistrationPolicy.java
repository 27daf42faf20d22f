package dev.fileshare.accounts;

import java.util.Locale;

/** Who may register ({@code fileshare.registration.policy}). */
public enum RegistrationPolicy {
  /** Anyone, as the original API let them. */
  OPEN,
  /** Addresses of the configured domains, and anyone with an invitation. */
  DOMAINS,
  /** Only people with an invitation. */
  INVITE,
  /** Nobody: administrators create accounts with {@code admin create}. */
  CLOSED;

  /** The policy named by {@code text} (any case); an unknown name is a startup error. */
  static RegistrationPolicy parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "fileshare.registration.policy is open, domains, invite or closed, not " + text, e);
    }
  }

  /** The name in configuration and on the wire. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
