package dev.fileshare.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a backup holds: every blob its database names, with the size and SHA-256 recorded at upload,
 * one line each ({@code key TAB size TAB sha256}) in {@code manifest.tsv}. The blobs are kept in
 * the local store's own layout, {@code blobs/<2 chars>/<2 chars>/<key>}, so that restoring is
 * copying the tree back.
 */
record Manifest(List<Manifest.Entry> entries) {

  static final String DATABASE = "fileshare.db";
  static final String FILE = "manifest.tsv";
  static final String BLOBS = "blobs";

  /** A blob of the backup. */
  record Entry(String key, long size, String sha256) {}

  /** Where a blob with this key is kept under a blobs directory. */
  static Path pathOf(Path blobs, String key) {
    if (key.length() < 5 || !key.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("Not a blob key: " + key);
    }
    return blobs.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
  }

  /** The blobs in local stores that a database (a backup's copy of it) names. */
  static Manifest of(Path database) throws SQLException {
    var entries = new ArrayList<Entry>();
    try (var connection = open(database);
        var statement = connection.createStatement();
        var rows =
            statement.executeQuery(
                "SELECT blob_key, size, sha256 FROM files WHERE store = 'local'"
                    + " UNION ALL SELECT blob_key, size, sha256 FROM file_versions"
                    + " WHERE store = 'local'"
                    + " ORDER BY 1")) {
      while (rows.next()) {
        entries.add(new Entry(rows.getString(1), rows.getLong(2), rows.getString(3)));
      }
    }
    return new Manifest(List.copyOf(entries));
  }

  /** Blobs kept by other means than files and versions (previews): names only, no fixed hash. */
  static List<String> derivedKeys(Path database) throws SQLException {
    var keys = new ArrayList<String>();
    try (var connection = open(database);
        var statement = connection.createStatement();
        var rows =
            statement.executeQuery(
                "SELECT p.blob_key FROM document_previews p JOIN files f ON f.id = p.file_id"
                    + " WHERE p.store = 'local' ORDER BY 1")) {
      while (rows.next()) {
        keys.add(rows.getString(1));
      }
    }
    return keys;
  }

  static Connection open(Path database) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
  }

  void write(Path directory) throws IOException {
    var lines = new ArrayList<String>(entries.size());
    for (var entry : entries) {
      lines.add(entry.key() + "\t" + entry.size() + "\t" + entry.sha256());
    }
    var part = directory.resolve(FILE + ".part");
    Files.write(part, lines, StandardCharsets.UTF_8);
    Files.move(part, directory.resolve(FILE), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  static Manifest read(Path directory) throws IOException {
    var entries = new ArrayList<Entry>();
    for (var line : Files.readAllLines(directory.resolve(FILE), StandardCharsets.UTF_8)) {
      var parts = line.split("\t");
      if (parts.length != 3) {
        throw new IOException("Not a manifest line: " + line);
      }
      entries.add(new Entry(parts[0], Long.parseLong(parts[1]), parts[2]));
    }
    return new Manifest(List.copyOf(entries));
  }
}
