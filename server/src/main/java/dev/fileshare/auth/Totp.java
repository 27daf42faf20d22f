package dev.fileshare.auth;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as authenticator apps make them (RFC 6238 over RFC 4226):
 * HMAC-SHA1, 6 digits, 30-second steps, a code of the step before or after accepted for clocks that
 * drift. Secrets travel in Base32 (RFC 4648, no padding), the form the apps read from an {@code
 * otpauth://} URI.
 */
final class Totp {

  static final int DIGITS = 6;
  static final long STEP_SECONDS = 30;
  static final int SECRET_BYTES = 20;

  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final SecureRandom random = new SecureRandom();

  private Totp() {}

  /** A new shared secret of 160 bits (the size RFC 4226 recommends), in Base32. */
  static String newSecret() {
    var bytes = new byte[SECRET_BYTES];
    random.nextBytes(bytes);
    return base32(bytes);
  }

  /** The {@code otpauth://} URI that authenticator apps read from a QR code. */
  static String uri(String issuer, String account, String secret) {
    return "otpauth://totp/"
        + encode(issuer + ":" + account)
        + "?secret="
        + secret
        + "&issuer="
        + encode(issuer)
        + "&algorithm=SHA1&digits="
        + DIGITS
        + "&period="
        + STEP_SECONDS;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The step a moment falls in. */
  static long step(long epochMillis) {
    return Math.floorDiv(epochMillis / 1000, STEP_SECONDS);
  }

  /**
   * The step of the window (one step either side of {@code now}) whose code is {@code code}, if
   * any; the code is compared in constant time.
   */
  static OptionalLong matchingStep(String secret, String code, long now) {
    if (code.length() != DIGITS || !code.chars().allMatch(Character::isDigit)) {
      return OptionalLong.empty();
    }
    var key = decode(secret);
    var current = step(now);
    for (long step = current - 1; step <= current + 1; step++) {
      if (MessageDigest.isEqual(code(key, step, DIGITS, "HmacSHA1").getBytes(), code.getBytes())) {
        return OptionalLong.of(step);
      }
    }
    return OptionalLong.empty();
  }

  /** The code of a step (RFC 4226 section 5.3, dynamic truncation). */
  static String code(byte[] key, long step, int digits, String algorithm) {
    try {
      var mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      var hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary = ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff;
      var text = Integer.toString(binary % (int) Math.pow(10, digits));
      return "0".repeat(digits - text.length()) + text;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
    }
  }

  static String base32(byte[] bytes) {
    var out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  static byte[] decode(String base32) {
    var out = new ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (char c : base32.toUpperCase(Locale.ROOT).toCharArray()) {
      int value = BASE32.indexOf(c);
      if (value < 0) {
        continue; // spaces and padding, as people copy secrets
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }
}
