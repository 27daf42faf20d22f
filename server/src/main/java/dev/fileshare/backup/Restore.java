package dev.fileshare.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Puts a backup into an empty data directory: the blobs first, in the local store's layout, then
 * the database, last and by rename, so a data directory with a database is a whole restore.
 */
final class Restore {

  private Restore() {}

  /** Why the restore cannot go on; the message says what to do. */
  static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  /** Restores; answers the number of blobs put back. */
  static long into(Path backup, Path dataDir, Path blobRoot) throws IOException, Refused {
    var database = dataDir.resolve(Manifest.DATABASE);
    if (Files.exists(database) || hasFiles(blobRoot)) {
      throw new Refused(
          "The data directory "
              + dataDir
              + " already holds an installation: restore into an empty one, with the server"
              + " stopped");
    }
    Files.createDirectories(blobRoot);
    long blobs = 0;
    var source = backup.resolve(Manifest.BLOBS);
    try (Stream<Path> tree = Files.walk(source)) {
      for (var path : (Iterable<Path>) tree.filter(Files::isRegularFile)::iterator) {
        var target = blobRoot.resolve(source.relativize(path).toString());
        Files.createDirectories(target.getParent());
        Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
        blobs++;
      }
    }
    var part = dataDir.resolve(Manifest.DATABASE + ".part");
    Files.copy(backup.resolve(Manifest.DATABASE), part, StandardCopyOption.REPLACE_EXISTING);
    Files.move(part, database, StandardCopyOption.ATOMIC_MOVE);
    return blobs;
  }

  private static boolean hasFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> tree = Files.walk(dir)) {
      return tree.anyMatch(Files::isRegularFile);
    }
  }
}
