package dev.fileshare.cli;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The code an authenticator app shows (RFC 6238: SHA-1, 6 digits, 30 seconds) for a secret. */
final class OneTimeCode {

  private OneTimeCode() {}

  static String at(String base32Secret, long epochSecond) throws GeneralSecurityException {
    var mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(base32(base32Secret), "HmacSHA1"));
    var hash = mac.doFinal(ByteBuffer.allocate(8).putLong(epochSecond / 30).array());
    var offset = hash[hash.length - 1] & 0xf;
    var binary = (ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff) % 1_000_000;
    return String.format("%06d", binary);
  }

  private static byte[] base32(String text) {
    var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    var clean = text.replace("=", "").toUpperCase();
    var out = new byte[clean.length() * 5 / 8];
    int buffer = 0;
    int bits = 0;
    int index = 0;
    for (var c : clean.toCharArray()) {
      buffer = (buffer << 5) | alphabet.indexOf(c);
      bits += 5;
      if (bits >= 8) {
        out[index++] = (byte) (buffer >> (bits - 8));
        bits -= 8;
      }
    }
    return out;
  }
}
