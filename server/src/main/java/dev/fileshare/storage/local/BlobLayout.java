package dev.fileshare.storage.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Where each blob lives under the root, how keys look, and durable directory changes.
 *
 * <p>A key is 32 lower-case hex digits (128 random bits). Blob {@code abcd…} lives at {@code
 * ab/cd/abcd…}, so that no directory grows past 65,536 entries per level; uploads in progress live
 * in {@code tmp/} (not a hex name, so it never clashes with a shard).
 */
final class BlobLayout {

  private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");
  static final Pattern SHARD = Pattern.compile("[0-9a-f]{2}");
  private static final SecureRandom random = new SecureRandom();

  private final Path root;
  private final Path tmp;

  BlobLayout(Path root) {
    this.root = root.toAbsolutePath().normalize();
    this.tmp = this.root.resolve("tmp");
  }

  Path root() {
    return root;
  }

  Path tmp() {
    return tmp;
  }

  static String newKey() {
    var bytes = new byte[16];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  static boolean isKey(String name) {
    return name != null && KEY.matcher(name).matches();
  }

  /** The path of a blob; anything but a key this store could have generated is refused. */
  Path pathOf(String key) {
    if (!isKey(key)) {
      throw new IllegalArgumentException("Not a blob key");
    }
    return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
  }

  /**
   * Creates {@code dir} and its missing parents, making each new directory entry durable by syncing
   * the new directory and the directory that holds it.
   */
  void createDirectoriesDurably(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    var parent = dir.getParent();
    if (parent != null) {
      createDirectoriesDurably(parent);
    }
    try {
      Files.createDirectory(dir);
    } catch (FileAlreadyExistsException raced) {
      if (!Files.isDirectory(dir)) {
        throw raced;
      }
    }
    sync(dir);
    if (parent != null) {
      sync(parent);
    }
  }

  /** Flushes a directory's entries to the disk; a failure is reported, never ignored. */
  static void sync(Path dir) throws IOException {
    try (var channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
