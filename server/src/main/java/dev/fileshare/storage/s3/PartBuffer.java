package dev.fileshare.storage.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The bytes of one part of an upload, filled from the content and sent, then filled again. It grows
 * in chunks of 1 MiB up to the part size and is reused for every part, so an upload never holds
 * more than one part (and a small upload holds little more than its content).
 */
final class PartBuffer {

  private static final int CHUNK = 1024 * 1024;

  private final int capacity;
  private final List<byte[]> chunks = new ArrayList<>();
  private int length;
  private boolean ended;

  PartBuffer(int capacity) {
    this.capacity = capacity;
  }

  /**
   * Replaces the buffer's bytes with the next ones of {@code in}, up to the part size or the end,
   * feeding them to {@code digest}. Reads at most one byte past {@code limit}, so that content over
   * the limit is noticed without reading on.
   *
   * @return how many bytes were read; more than {@code limit} means the content is too long
   */
  int fill(InputStream in, MessageDigest digest, long limit) throws IOException {
    length = 0;
    while (length < capacity && !ended) {
      var index = length / CHUNK;
      var offset = length % CHUNK;
      if (index == chunks.size()) {
        chunks.add(new byte[Math.min(CHUNK, capacity - index * CHUNK)]);
      }
      var chunk = chunks.get(index);
      var wanted = (int) Math.max(1, Math.min(chunk.length - offset, limit - length));
      var n = in.read(chunk, offset, wanted);
      if (n < 0) {
        ended = true;
      } else {
        digest.update(chunk, offset, n);
        length += n;
        if (length > limit) {
          break;
        }
      }
    }
    return length;
  }

  int length() {
    return length;
  }

  /** Whether the content has ended: nothing follows the bytes in the buffer. */
  boolean ended() {
    return ended;
  }

  /** The buffer's bytes as a request body that can be read again when the SDK retries. */
  RequestBody body() {
    return RequestBody.fromContentProvider(this::stream, length, "application/octet-stream");
  }

  private InputStream stream() {
    var streams = new ArrayList<InputStream>();
    for (var i = 0; i * CHUNK < length; i++) {
      streams.add(new ByteArrayInputStream(chunks.get(i), 0, Math.min(CHUNK, length - i * CHUNK)));
    }
    return new SequenceInputStream(Collections.enumeration(streams));
  }
}
