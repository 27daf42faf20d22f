package dev.fileshare.storage.local;

import dev.fileshare.storage.BlobNotFoundException;
import dev.fileshare.storage.BlobStore;
import dev.fileshare.storage.BlobTooLargeException;
import dev.fileshare.storage.internal.ChunkHasher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Keeps each blob as one file under a root directory (see {@link BlobLayout}). An upload is written
 * to {@code tmp/<random>.part}, synced, and renamed atomically to its key's path, so a key either
 * names complete, durable content or nothing. A blob that {@link #grow grows} lives at its key's
 * path from its first write: only the upload writing it knows the key until it is complete.
 */
final class LocalBlobStore implements BlobStore {

  /** How much is read before each write and hash. */
  static final int BUFFER_SIZE = 256 * 1024;

  /** Buffers per upload: one being filled and written, the others being hashed. */
  static final int RING_SIZE = 3;

  /**
   * A buffer filled in less than this (256 KiB at more than 12 MiB/s) says the client sends faster
   * than one buffer at a time would keep up with.
   */
  static final Duration FAST_FILL = Duration.ofMillis(20);

  private final BlobLayout layout;
  private final BlobSweeper sweeper;
  private final Executor hashing;

  /** A store under {@code root} that hashes uploads on {@code hashing}. */
  LocalBlobStore(Path root, Executor hashing) throws IOException {
    this.hashing = hashing;
    this.layout = new BlobLayout(root);
    this.sweeper = new BlobSweeper(layout);
    layout.createDirectoriesDurably(layout.tmp());
  }

  @Override
  public StoredBlob store(InputStream content, long maxBytes) throws IOException {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must not be negative");
    }
    var key = BlobLayout.newKey();
    var part = layout.tmp().resolve(BlobLayout.newKey() + ".part");
    var target = layout.pathOf(key);
    var moved = false;
    try (var hasher = new ChunkHasher(hashing, BUFFER_SIZE, RING_SIZE)) {
      long size;
      try (var out =
          FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        size = copy(content, out, hasher, maxBytes);
        out.force(true);
      }
      var sha256 = hasher.finish();
      layout.createDirectoriesDurably(target.getParent());
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      moved = true;
      BlobLayout.sync(target.getParent());
      return new StoredBlob(key, size, sha256);
    } catch (IOException | RuntimeException | Error e) {
      discard(moved ? target : part, e);
      throw e;
    }
  }

  @Override
  public boolean canGrow() {
    return true;
  }

  /**
   * Writes into the blob's own file, at its key's path from the start (nothing reads it before the
   * upload is complete), synced after each write; a new blob's directory entry is synced as well.
   */
  @Override
  public GrownBlob grow(
      @Nullable String key, long position, InputStream content, long maxBytes, MessageDigest digest)
      throws IOException {
    if (maxBytes < 0 || position < 0) {
      throw new IllegalArgumentException("maxBytes and position must not be negative");
    }
    if (key == null && position != 0) {
      throw new IllegalArgumentException("A new blob starts at 0");
    }
    var created = key == null;
    var blobKey = created ? BlobLayout.newKey() : key;
    var path = layout.pathOf(blobKey);
    if (created) {
      layout.createDirectoriesDurably(path.getParent());
    }
    var written = false;
    try (var out = openForGrowth(path, created);
        var hasher = new ChunkHasher(digest, hashing, BUFFER_SIZE, RING_SIZE)) {
      if (out.size() < position) {
        throw new IllegalArgumentException(
            "The blob has " + out.size() + " bytes, fewer than " + position);
      }
      out.truncate(position);
      out.position(position);
      written = true;
      var size = copy(content, out, hasher, maxBytes);
      hasher.complete();
      out.force(true);
      if (created) {
        BlobLayout.sync(path.getParent());
      }
      return new GrownBlob(blobKey, position + size);
    } catch (IOException | RuntimeException | Error e) {
      if (created && written) {
        discard(path, e);
      }
      throw e;
    }
  }

  private static FileChannel openForGrowth(Path path, boolean create) throws IOException {
    if (create) {
      return FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }
    try {
      return FileChannel.open(path, StandardOpenOption.WRITE);
    } catch (NoSuchFileException e) {
      throw new BlobNotFoundException(path.getFileName().toString());
    }
  }

  /**
   * Copies at most {@code maxBytes}; one byte more and it stops and throws. Each buffer is handed
   * to the hasher and then written, so the hash of one buffer runs while the next is read. A source
   * that keeps up with the hash (bytes ready to read, or a buffer filled in under {@link
   * #FAST_FILL}) gets more buffers, up to {@link #RING_SIZE}; a slow one keeps one.
   */
  private static long copy(InputStream in, FileChannel out, ChunkHasher hasher, long maxBytes)
      throws IOException {
    long total = 0;
    var fast = false;
    while (true) {
      // the web container's stream says 0 available once its socket buffer is read, however fast
      // the client sends: on that alone a raw upload had one buffer, and nothing was read while
      // it was hashed (a multipart upload's parser reads ahead, and says so)
      var buffer = hasher.next(fast || in.available() > 0);
      // read at most one byte past the limit, so an oversized upload is noticed without reading on
      var wanted = (int) Math.min(buffer.length - 1, maxBytes - total) + 1;
      // fill the buffer before writing: a socket hands out a few KiB per read, and a write call
      // per few KiB costs more in the kernel than the copy itself
      var started = System.nanoTime();
      var n = in.readNBytes(buffer, 0, wanted);
      fast = System.nanoTime() - started < FAST_FILL.toNanos();
      if (n == 0) {
        return total;
      }
      total += n;
      if (total > maxBytes) {
        throw new BlobTooLargeException(maxBytes);
      }
      hasher.hash(buffer, n);
      var chunk = ByteBuffer.wrap(buffer, 0, n);
      while (chunk.hasRemaining()) {
        out.write(chunk);
      }
      if (n < wanted) {
        return total;
      }
    }
  }

  private static void discard(Path path, Throwable cause) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public InputStream load(String key) throws IOException {
    var channel = openFile(key);
    try {
      return new RangeInputStream(channel, 0, channel.size());
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public InputStream load(String key, long offset, long length) throws IOException {
    var channel = openFile(key);
    try {
      var size = channel.size();
      if (offset < 0 || length < 0 || offset > size || length > size - offset) {
        throw new IllegalArgumentException(
            "Range " + offset + "+" + length + " is outside the blob of " + size + " bytes");
      }
      return new RangeInputStream(channel, offset, length);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public SeekableByteChannel open(String key) throws IOException {
    return openFile(key);
  }

  private FileChannel openFile(String key) throws IOException {
    try {
      return FileChannel.open(layout.pathOf(key), StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new BlobNotFoundException(key);
    }
  }

  /** The blob's own file: blobs never change once stored, so the container may read it. */
  @Override
  public Optional<String> sendfileName(String key) throws IOException {
    var path = layout.pathOf(key);
    if (!Files.isRegularFile(path)) {
      throw new BlobNotFoundException(key);
    }
    return Optional.of(path.toString());
  }

  @Override
  public long size(String key) throws IOException {
    try {
      return Files.size(layout.pathOf(key));
    } catch (NoSuchFileException e) {
      throw new BlobNotFoundException(key);
    }
  }

  @Override
  public boolean exists(String key) {
    return Files.isRegularFile(layout.pathOf(key));
  }

  @Override
  public void delete(String key) throws IOException {
    var path = layout.pathOf(key);
    if (Files.deleteIfExists(path)) {
      BlobLayout.sync(path.getParent());
    }
  }

  @Override
  public void sweep(Instant cutoff, Consumer<String> olderBlobs) throws IOException {
    sweeper.sweep(cutoff, olderBlobs);
  }

  @Override
  public String toString() {
    return "LocalBlobStore[" + layout.root() + "]";
  }
}
