package dev.fileshare.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks a backup without a server: the database copy passes SQLite's integrity check, the manifest
 * lists exactly the blobs the copy names, and every blob is there with its size and SHA-256.
 */
final class BackupCheck {

  private BackupCheck() {}

  /** What is wrong with the backup, in words; empty when nothing is. */
  static List<String> problems(Path directory) throws IOException, SQLException {
    var problems = new ArrayList<String>();
    var database = directory.resolve(Manifest.DATABASE);
    if (!Files.isRegularFile(database) || !Files.isRegularFile(directory.resolve(Manifest.FILE))) {
      problems.add(directory + " is not a backup: it has no " + Manifest.DATABASE + " or manifest");
      return problems;
    }
    try (var connection = Manifest.open(database);
        var statement = connection.createStatement();
        var result = statement.executeQuery("PRAGMA integrity_check")) {
      var answer = result.next() ? result.getString(1) : "no answer";
      if (!"ok".equals(answer)) {
        problems.add("The database copy is damaged: " + answer);
        return problems;
      }
    }
    var manifest = Manifest.read(directory);
    var named = Manifest.of(database);
    if (!new HashSet<>(named.entries()).equals(new HashSet<>(manifest.entries()))) {
      problems.add("The manifest does not list exactly the blobs the database names");
    }
    var blobs = directory.resolve(Manifest.BLOBS);
    for (var entry : manifest.entries()) {
      var path = Manifest.pathOf(blobs, entry.key());
      if (!Files.isRegularFile(path)) {
        problems.add("The blob " + entry.key() + " is missing");
      } else if (Files.size(path) != entry.size() || !entry.sha256().equals(sha256(path))) {
        problems.add("The blob " + entry.key() + " does not read back as its SHA-256");
      }
    }
    for (var key : Manifest.derivedKeys(database)) {
      if (!Files.isRegularFile(Manifest.pathOf(blobs, key))) {
        problems.add("The preview " + key + " is missing");
      }
    }
    return problems;
  }

  private static String sha256(Path path) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest())) {
      var buffer = new byte[64 * 1024];
      while (in.read(buffer) != -1) {
        // the digest reads along
      }
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    }
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
