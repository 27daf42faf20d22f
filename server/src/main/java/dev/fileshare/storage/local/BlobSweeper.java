package dev.fileshare.storage.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Finds what is older than a cutoff: removes abandoned uploads from {@code tmp/} and lists complete
 * blobs, one shard directory at a time, so that memory does not grow with the number of blobs.
 * Files that vanish while it looks (a blob deleted meanwhile) are skipped.
 */
final class BlobSweeper {

  private final BlobLayout layout;

  BlobSweeper(BlobLayout layout) {
    this.layout = layout;
  }

  void sweep(Instant cutoff, Consumer<String> olderBlobs) throws IOException {
    removeAbandonedUploads(cutoff);
    for (var first : list(layout.root(), isShard())) {
      for (var second : list(first, isShard())) {
        for (var blob : list(second, path -> BlobLayout.isKey(name(path)))) {
          if (isOlder(blob, cutoff)) {
            olderBlobs.accept(name(blob));
          }
        }
      }
    }
  }

  private void removeAbandonedUploads(Instant cutoff) throws IOException {
    var removed = false;
    for (var part : list(layout.tmp(), path -> name(path).endsWith(".part"))) {
      if (isOlder(part, cutoff)) {
        removed |= Files.deleteIfExists(part);
      }
    }
    if (removed) {
      BlobLayout.sync(layout.tmp());
    }
  }

  private static Predicate<Path> isShard() {
    return path -> BlobLayout.SHARD.matcher(name(path)).matches() && Files.isDirectory(path);
  }

  private static boolean isOlder(Path file, Instant cutoff) throws IOException {
    try {
      return Files.isRegularFile(file)
          && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
    } catch (NoSuchFileException gone) {
      return false;
    }
  }

  /** The entries of a directory that match, sorted, read before any of them is handed on. */
  private static Iterable<Path> list(Path dir, Predicate<Path> filter) throws IOException {
    var entries = new ArrayList<Path>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      for (var entry : stream) {
        if (filter.test(entry)) {
          entries.add(entry);
        }
      }
    } catch (NoSuchFileException gone) {
      return entries;
    }
    entries.sort(null);
    return entries;
  }

  private static String name(Path path) {
    return path.getFileName().toString();
  }
}
