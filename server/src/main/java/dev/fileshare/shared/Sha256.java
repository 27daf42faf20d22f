package dev.fileshare.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests and their one spelling: 64 lower-case hex digits, as the database keeps them, the
 * API shows them and clients compare them.
 */
public final class Sha256 {

  private static final HexFormat HEX = HexFormat.of();

  private Sha256() {}

  /** A new, empty SHA-256 digest. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /** Completes the digest and spells it out (the digest is reset). */
  public static String hex(MessageDigest digest) {
    return hex(digest.digest());
  }

  /** A finished digest, spelled out. */
  public static String hex(byte[] digest) {
    return HEX.formatHex(digest);
  }

  /** The SHA-256 of the text's UTF-8 bytes, spelled out. */
  public static String of(String text) {
    return hex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
