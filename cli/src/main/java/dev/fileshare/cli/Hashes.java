package dev.fileshare.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of files, read in pieces (never whole in memory). */
final class Hashes {

  private Hashes() {}

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java has SHA-256", e);
    }
  }

  static String sha256(Path file) throws IOException {
    var digest = sha256();
    update(digest, file, Long.MAX_VALUE);
    return hex(digest);
  }

  /** Adds the first {@code length} bytes of the file (all of it, if shorter) to the digest. */
  static void update(MessageDigest digest, Path file, long length) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      var buffer = new byte[256 * 1024];
      var left = length;
      while (left > 0) {
        var read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (read < 0) {
          return;
        }
        digest.update(buffer, 0, read);
        left -= read;
      }
    }
  }

  static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }
}
