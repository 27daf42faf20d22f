package dev.fileshare.resumable;

import dev.fileshare.shared.Sha256;
import java.security.MessageDigest;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The SHA-256 of each growing piece so far, kept open between the requests that extend it, so that
 * the piece's digest is known when its last byte is in without reading it again. Kept in this
 * node's memory only (a digest's state cannot be saved): a piece extended on another node, or after
 * a restart, has no digest here, and its SHA-256 is taken by reading it once it is complete. At
 * most {@link #MAX_PIECES} are kept (a few hundred bytes each); past that, new ones are not.
 */
@Component
class RunningDigestCache {

  /** The most digests kept at once. */
  static final int MAX_PIECES = 10_000;

  private final ConcurrentHashMap<String, Running> byUpload = new ConcurrentHashMap<>();

  /**
   * Takes out the digest of the upload's piece {@code blobKey} over its first {@code length} bytes,
   * for the holder to go on with; empty if this node has none that far (another node extended it,
   * or a write after it was not recorded).
   */
  @Nullable MessageDigest take(String uploadId, String blobKey, long length) {
    var running = byUpload.remove(uploadId);
    if (running == null || !running.blobKey().equals(blobKey) || running.length() != length) {
      return null;
    }
    return running.digest();
  }

  /**
   * Keeps the digest of the piece over its first {@code length} bytes, and answers the SHA-256 of
   * those bytes (the digest stays open).
   */
  String keep(String uploadId, String blobKey, long length, MessageDigest digest) {
    String sha256;
    try {
      sha256 = Sha256.hex((MessageDigest) digest.clone());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("Every Java runtime can copy a SHA-256 digest", e);
    }
    if (byUpload.size() < MAX_PIECES || byUpload.containsKey(uploadId)) {
      byUpload.put(uploadId, new Running(blobKey, length, digest));
    }
    return sha256;
  }

  /** Forgets the upload's digest: it is complete or gone. */
  void forget(String uploadId) {
    byUpload.remove(uploadId);
  }

  private record Running(String blobKey, long length, MessageDigest digest) {}
}
