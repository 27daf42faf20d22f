package dev.fileshare.resumable;

import dev.fileshare.shared.Sha256;
import java.security.MessageDigest;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The SHA-256 of each upload's bytes so far, kept open between the requests that add to it, so that
 * the upload's digest is known when its last byte is in, without reading it again. Kept in this
 * node's memory only (a JDK digest can be copied but its state cannot be saved): an upload that had
 * a piece written on another node, or before a restart, has no digest here, and its bytes are read
 * for it once they are complete. At most {@link #MAX_UPLOADS} are kept (a few hundred bytes each);
 * past that, new ones are not.
 */
@Component
class RunningDigestCache {

  /** The most digests kept at once. */
  static final int MAX_UPLOADS = 10_000;

  private final ConcurrentHashMap<String, Running> byUpload = new ConcurrentHashMap<>();

  /**
   * Takes out the digest of the upload's first {@code offset} bytes, the last of which are in the
   * piece {@code blobKey}, for the holder to go on with; empty if this node has none that far
   * (another node wrote since, or a write after it was not recorded).
   */
  @Nullable MessageDigest take(String uploadId, String blobKey, long offset) {
    var running = byUpload.remove(uploadId);
    if (running == null || !running.blobKey().equals(blobKey) || running.offset() != offset) {
      return null;
    }
    return running.digest();
  }

  /**
   * Keeps the digest of the upload's first {@code offset} bytes, the last of which are in the piece
   * {@code blobKey}, and answers their SHA-256 (the digest stays open).
   */
  String keep(String uploadId, String blobKey, long offset, MessageDigest digest) {
    String sha256;
    try {
      sha256 = Sha256.hex((MessageDigest) digest.clone());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("Every Java runtime can copy a SHA-256 digest", e);
    }
    if (byUpload.size() < MAX_UPLOADS || byUpload.containsKey(uploadId)) {
      byUpload.put(uploadId, new Running(blobKey, offset, digest));
    }
    return sha256;
  }

  /** Forgets the upload's digest: it is complete or gone. */
  void forget(String uploadId) {
    byUpload.remove(uploadId);
  }

  private record Running(String blobKey, long offset, MessageDigest digest) {}
}
