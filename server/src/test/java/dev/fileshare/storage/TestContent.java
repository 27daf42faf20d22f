package dev.fileshare.storage;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** Content made up while it is read, so that tests of big blobs never hold them in memory. */
public final class TestContent {

  private TestContent() {}

  /** {@code size} pseudo-random bytes; the same seed gives the same bytes. */
  public static InputStream generated(long size, long seed) {
    return new Generated(size, seed);
  }

  /**
   * {@code size} pseudo-random bytes (the same as {@link #generated}) that say all of them are
   * ready to read ({@link InputStream#available}), as a socket with bytes waiting does.
   */
  public static InputStream ready(long size, long seed) {
    return new Generated(size, seed) {
      @Override
      public int available() {
        return (int) Math.min(Integer.MAX_VALUE, size - position());
      }
    };
  }

  /** {@code size} pseudo-random bytes (the same as {@link #generated}), one byte per read. */
  public static InputStream trickling(long size, long seed) {
    return new Generated(size, seed) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, 1));
      }
    };
  }

  /** A stream that never ends; it counts what was read from it. */
  public static Generated endless() {
    return new Generated(Long.MAX_VALUE, 1);
  }

  /** {@code size} bytes, then an {@link IOException}, as when a client disconnects mid-upload. */
  public static InputStream failingAfter(long size) {
    return new Generated(size, 2) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        var n = super.read(b, off, len);
        if (n < 0) {
          throw new IOException("Connection reset");
        }
        return n;
      }
    };
  }

  /** The size and SHA-256 (lower-case hex) of everything left in {@code in}, which is closed. */
  public static Summary summarize(InputStream in) throws IOException {
    try (in) {
      var digest = sha256();
      var buffer = new byte[64 * 1024];
      long size = 0;
      for (int n; (n = in.read(buffer)) >= 0; ) {
        digest.update(buffer, 0, n);
        size += n;
      }
      return new Summary(size, HexFormat.of().formatHex(digest.digest()));
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What a test compares a stored blob with. */
  public record Summary(long size, String sha256) {}

  /** Pseudo-random bytes made on demand. */
  public static class Generated extends InputStream {

    private final SplittableRandom random;
    private final long size;
    private long position;

    Generated(long size, long seed) {
      this.random = new SplittableRandom(seed);
      this.size = size;
    }

    /** How many bytes were read so far. */
    public long position() {
      return position;
    }

    @Override
    public int read() throws IOException {
      var one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (position >= size) {
        return -1;
      }
      var n = (int) Math.min(len, size - position);
      for (var i = 0; i < n; i++) {
        b[off + i] = (byte) random.nextInt(256);
      }
      position += n;
      return n;
    }
  }
}
