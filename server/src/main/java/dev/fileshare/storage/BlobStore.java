package dev.fileshare.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Where the bytes of files live. Keys are generated here, never taken from a client. Nothing
 * outside this module may assume that a blob is a local file.
 *
 * <p>Durability: when {@link #store} returns, the blob is complete and durable (on local disk: the
 * file and its directory are fsynced). A failure at any step leaves nothing visible under any key.
 *
 * <p>Missing keys: {@link #load}, {@link #open} and {@link #size} throw {@link
 * BlobNotFoundException}; {@link #delete} of a missing key does nothing; {@link #exists} answers
 * false. A string that this store could not have generated as a key (wrong length or alphabet, a
 * path) is refused by every method with {@link IllegalArgumentException}, before anything is
 * touched.
 *
 * <p>Streams and channels: what {@link #load} and {@link #open} return belongs to the caller, who
 * must close it (try-with-resources); what {@link #store} is given stays the caller's to close.
 * Blobs never change once stored, so a reader never sees a blob being written (a blob being {@link
 * #grow grown} is read by nobody until its writer is done).
 */
public interface BlobStore {

  /**
   * Streams {@code content} into a new blob, computing its SHA-256 and size while it streams.
   *
   * @param content the bytes; read to its end but not closed (the caller closes it)
   * @param maxBytes the most bytes accepted; one more and reading stops, nothing is kept, and
   *     {@link BlobTooLargeException} is thrown
   * @return the new blob's key (URL-safe, at least 128 random bits), size and SHA-256 (lower-case
   *     hex)
   * @throws BlobTooLargeException if the content is longer than {@code maxBytes}
   * @throws IOException if the content cannot be read or written; nothing is kept
   */
  StoredBlob store(InputStream content, long maxBytes) throws IOException;

  /**
   * Whether this store can {@link #grow} blobs: keep the bytes of an upload that arrives in several
   * requests in one blob, so that none is copied when the last one is in.
   */
  default boolean canGrow() {
    return false;
  }

  /**
   * Writes {@code content} into a blob that is still being written, from {@code position} on: the
   * blob is cut at {@code position} first (dropping whatever an earlier write that was never
   * recorded left after it), and is durable up to its new end when this returns. For a blob that
   * nobody reads yet and that one writer at a time extends; once complete it is read like any other
   * and never grown again.
   *
   * @param key the blob to extend, or {@code null} to start a new one ({@code position} 0)
   * @param content the bytes; read to its end but not closed
   * @param maxBytes the most bytes accepted from {@code content}; one more and {@link
   *     BlobTooLargeException} is thrown
   * @param digest updated with the content's bytes in order as they stream, and left open
   * @return the blob's key and its size now ({@code position} plus the bytes written)
   * @throws BlobNotFoundException if {@code key} names no blob
   * @throws IllegalArgumentException if the blob is shorter than {@code position}
   * @throws IOException if the content cannot be read or written; a new blob is then removed, an
   *     extended one keeps its bytes up to {@code position}
   * @throws UnsupportedOperationException if this store cannot grow blobs ({@link #canGrow})
   */
  default GrownBlob grow(
      @Nullable String key, long position, InputStream content, long maxBytes, MessageDigest digest)
      throws IOException {
    throw new UnsupportedOperationException(this + " cannot grow blobs");
  }

  /**
   * Whether this store can {@link #compose} these parts: put them together inside itself, without
   * their bytes passing through this process. When it cannot, the caller copies them.
   */
  default boolean canCompose(List<BlobPart> parts) {
    return false;
  }

  /**
   * A new blob of the given blobs' first bytes one after the other, put together inside the store.
   * The parts stay as they are.
   *
   * @param parts each blob and how many of its first bytes to take
   * @param sha256 the SHA-256 of the whole, as the caller knows it
   * @throws IOException if the store failed; nothing is left under a new key
   * @throws UnsupportedOperationException if this store cannot compose these parts ({@link
   *     #canCompose})
   */
  default StoredBlob compose(List<BlobPart> parts, String sha256) throws IOException {
    throw new UnsupportedOperationException(this + " cannot compose blobs");
  }

  /** Opens the whole blob for reading. The caller closes the stream. */
  InputStream load(String key) throws IOException;

  /**
   * Opens {@code length} bytes of the blob from {@code offset}. The caller closes the stream.
   *
   * @throws IllegalArgumentException if the range does not lie inside the blob
   */
  InputStream load(String key, long offset, long length) throws IOException;

  /** Opens the blob for random reads (used to inspect a document). The caller closes it. */
  SeekableByteChannel open(String key) throws IOException;

  /** The blob's size in bytes. */
  long size(String key) throws IOException;

  boolean exists(String key) throws IOException;

  /** Removes the blob, durably; a missing key is not an error. */
  void delete(String key) throws IOException;

  /**
   * Removes half-written uploads older than {@code cutoff}, and hands every complete blob last
   * written before {@code cutoff} to {@code olderBlobs} (the caller decides which are orphans, and
   * may {@link #delete} them from within {@code olderBlobs}). Blobs stored during the sweep may or
   * may not be handed on; choose a cutoff well before the oldest upload that may still be running.
   */
  void sweep(Instant cutoff, Consumer<String> olderBlobs) throws IOException;

  /**
   * The absolute name of a local file that holds exactly the blob's bytes, for a web container to
   * send without copying them through the application (sendfile), if this store keeps blobs as
   * local files; empty otherwise, and then callers stream {@link #load}. Whoever gets the name only
   * reads the file, and only to send it at once: the blob may be deleted later like any other.
   */
  default Optional<String> sendfileName(String key) throws IOException {
    return Optional.empty();
  }

  /** A blob as stored. */
  record StoredBlob(String key, long size, String sha256) {}

  /** A blob being grown, as it now is. */
  record GrownBlob(String key, long size) {}

  /** The first {@code length} bytes of a blob, to {@link #compose} with others. */
  record BlobPart(String key, long length) {}
}
