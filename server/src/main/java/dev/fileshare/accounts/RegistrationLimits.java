package dev.fileshare.accounts;

import dev.fileshare.shared.UserId;

/**
 * Counts a registration attempt against the client address's limit, or refuses it with a 429 {@link
 * dev.fileshare.shared.ApiException}. Registration decides which limit applies once it knows
 * whether the attempt is one the policy lets in.
 */
public interface RegistrationLimits {

  /** Which limit counts an attempt. */
  enum Kind {
    /** Open registration, and every attempt that is refused: the strict limit. */
    ANYONE,
    /** With a valid invitation or an address of an allowed domain: the organisation's limit. */
    ADMITTED
  }

  void take(String clientAddress, Kind kind);

  /**
   * Counts an invitation that a user who is not an administrator sends (each sends a mail), or
   * refuses it with 429.
   */
  void takeInvitation(UserId inviter);
}
