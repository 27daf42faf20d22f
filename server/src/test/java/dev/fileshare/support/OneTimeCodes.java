package dev.fileshare.support;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Clock;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The codes an authenticator app shows for a Base32 secret (RFC 6238: HMAC-SHA1, 6 digits, 30
 * seconds), written apart from the server's so that a test does not check the server against
 * itself.
 */
public final class OneTimeCodes {

  private OneTimeCodes() {}

  /** The code for the clock's time. */
  public static String now(String secret, Clock clock) {
    return at(secret, clock.millis() / 1000 / 30);
  }

  public static String at(String secret, long step) {
    try {
      var mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(base32(secret), "HmacSHA1"));
      var hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      var offset = hash[19] & 0xf;
      var value = (ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff) % 1_000_000;
      return String.format("%06d", value);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] base32(String text) {
    var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    var bits = new StringBuilder();
    for (char c : text.toUpperCase().toCharArray()) {
      var value = alphabet.indexOf(c);
      if (value >= 0) {
        bits.append(String.format("%5s", Integer.toBinaryString(value)).replace(' ', '0'));
      }
    }
    var bytes = new byte[bits.length() / 8];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(bits.substring(i * 8, i * 8 + 8), 2);
    }
    return bytes;
  }
}
