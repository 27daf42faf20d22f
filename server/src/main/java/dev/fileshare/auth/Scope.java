package dev.fileshare.auth;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an API key may do; a sign-in token may do everything. Which endpoint needs which scope is
 * written once, in {@link KeyAuthorization}.
 */
public enum Scope {
  /** List, read, download and search files, their versions, the trash and the activity. */
  FILES_READ("files:read"),
  /** Upload, replace, rename, delete, trash and restore files, and resumable uploads. */
  FILES_WRITE("files:write"),
  /** Shares with users, links and file requests. */
  SHARES("shares"),
  /** The caller's profile. */
  ACCOUNT("account");

  private final String wire;

  Scope(String wire) {
    this.wire = wire;
  }

  /** The name clients send and see, such as {@code files:read}. */
  public String wire() {
    return wire;
  }

  public static Optional<Scope> of(String wire) {
    return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
  }

  /** The authority a key's request holds for this scope. */
  String authority() {
    return "SCOPE_" + wire;
  }
}
