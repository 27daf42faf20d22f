package dev.fileshare.shared;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Random secrets for links and sign-in tokens, and the one-way hash under which they are stored. A
 * secret has at least 160 random bits, so an unsalted SHA-256 is enough to make a stolen database
 * useless for signing in.
 */
public final class Secrets {

  private static final SecureRandom random = new SecureRandom();
  private static final HexFormat hex = HexFormat.of();

  private Secrets() {}

  /** A new secret of {@code bytes} random bytes, as lower-case hex. */
  public static String generate(int bytes) {
    var buffer = new byte[bytes];
    random.nextBytes(buffer);
    return hex.formatHex(buffer);
  }

  /** The SHA-256 of the secret, as lower-case hex: what the database keeps. */
  public static String hash(String secret) {
    return Sha256.of(secret);
  }

  /** Whether the text could be a secret made by {@link #generate} with {@code bytes} bytes. */
  public static boolean looksLike(@Nullable String text, int bytes) {
    if (text == null || text.length() != bytes * 2) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
