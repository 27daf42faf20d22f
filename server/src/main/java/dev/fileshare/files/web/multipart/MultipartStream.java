package dev.fileshare.files.web.multipart;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads a multipart body (RFC 2046) part by part from one sliding buffer. The delimiter {@code
 * CRLF--boundary} is found with Boyer–Moore–Horspool, so most body bytes are looked at once, not
 * compared one by one; every byte that cannot start a delimiter is handed out with one copy, and
 * only the last {@code delimiter.length - 1} bytes wait for more input. Anything malformed, and a
 * body that ends before the closing delimiter, is an {@link IOException}.
 */
final class MultipartStream {

  private final InputStream in;
  private final byte[] delimiter;
  private final int[] skip = new int[256];
  private final int maxHeaderBytes;
  private final byte[] buf;
  private int head;
  private int tail;
  private int clear; // buf[head, clear) is body: no delimiter starts there
  private boolean atDelimiter; // the delimiter starts at clear
  private boolean finished;
  private @Nullable PartBody body;

  MultipartStream(InputStream in, byte[] boundary, int bufferBytes, int maxHeaderBytes) {
    this.in = in;
    this.maxHeaderBytes = maxHeaderBytes;
    delimiter = new byte[boundary.length + 4];
    delimiter[0] = '\r';
    delimiter[1] = '\n';
    delimiter[2] = '-';
    delimiter[3] = '-';
    System.arraycopy(boundary, 0, delimiter, 4, boundary.length);
    var last = delimiter.length - 1;
    Arrays.fill(skip, delimiter.length);
    for (var i = 0; i < last; i++) {
      skip[delimiter[i] & 0xff] = last - i;
    }
    buf = new byte[Math.max(bufferBytes, 2 * (delimiter.length + maxHeaderBytes))];
    // the first delimiter may open the body: the preamble is a body that ends before it
    buf[tail++] = '\r';
    buf[tail++] = '\n';
  }

  /**
   * Skips the preamble or what is left of the current part, and the delimiter after it.
   *
   * @return true when a part follows (its headers are next), false after the closing delimiter
   */
  boolean nextPart() throws IOException {
    if (body != null) {
      body.close();
      body = null;
    }
    if (finished) {
      return false;
    }
    for (var n = bodyBytes(); n > 0; n = bodyBytes()) {
      head += n;
    }
    head += delimiter.length;
    atDelimiter = false;
    need(2);
    if (buf[head] == '-' && buf[head + 1] == '-') {
      head += 2;
      finished = true;
      return false;
    }
    while (true) {
      need(1);
      if (buf[head] != ' ' && buf[head] != '\t') {
        break;
      }
      head++;
    }
    need(2);
    if (buf[head] != '\r' || buf[head + 1] != '\n') {
      throw new IOException("A multipart delimiter is not followed by CRLF or --.");
    }
    head += 2;
    return true;
  }

  /**
   * The current part's header block, UTF-8, up to and including the empty line that ends it (just
   * {@code CRLF} when the part has no headers).
   */
  String readHeaders() throws IOException {
    var length = headerLength(0);
    while (length == 0) {
      if (tail - head > maxHeaderBytes) {
        throw headersTooLong();
      }
      var searched = Math.max(0, tail - head - 3);
      fill("in the headers of a part");
      length = headerLength(searched);
    }
    if (length > maxHeaderBytes) {
      throw headersTooLong();
    }
    var headers = new String(buf, head, length, StandardCharsets.UTF_8);
    head += length;
    return headers;
  }

  /** The length of the header block from {@code head}, or 0 while its end has not arrived. */
  private int headerLength(int from) {
    if (tail - head >= 2 && buf[head] == '\r' && buf[head + 1] == '\n') {
      return 2;
    }
    for (var i = head + from; i + 3 < tail; i++) {
      if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
        return i + 4 - head;
      }
    }
    return 0;
  }

  private IOException headersTooLong() {
    return new IOException("The headers of a part are longer than " + maxHeaderBytes + " bytes.");
  }

  /** The current part's body; it ends at the next delimiter and is closed by the next part. */
  InputStream body() {
    body = new PartBody(this);
    return body;
  }

  /**
   * How many bytes from {@code head} belong to the body for sure, reading on until that is at least
   * one or the delimiter is at {@code head} (then 0).
   */
  private int bodyBytes() throws IOException {
    while (clear <= head) {
      if (atDelimiter && clear == head) {
        return 0;
      }
      search();
      if (clear > head || atDelimiter) {
        continue;
      }
      fill("before the closing delimiter");
    }
    return clear - head;
  }

  /** Boyer–Moore–Horspool from {@code head}: sets {@code clear} and {@code atDelimiter}. */
  private void search() {
    var last = delimiter.length - 1;
    var end = delimiter[last];
    var i = head;
    while (i + last < tail) {
      var b = buf[i + last];
      if (b == end) {
        var j = last - 1;
        while (j >= 0 && buf[i + j] == delimiter[j]) {
          j--;
        }
        if (j < 0) {
          clear = i;
          atDelimiter = true;
          return;
        }
      }
      i += skip[b & 0xff];
    }
    // no delimiter starts before i, even once more bytes arrive: each skip was safe
    clear = Math.min(i, tail);
    atDelimiter = false;
  }

  /** Reads until at least {@code count} bytes from {@code head} are in the buffer. */
  private void need(int count) throws IOException {
    while (tail - head < count) {
      fill("after a delimiter");
    }
  }

  /** Moves what is left to the start of the buffer and reads once more into the rest. */
  private void fill(String where) throws IOException {
    if (head > 0) {
      System.arraycopy(buf, head, buf, 0, tail - head);
      tail -= head;
      clear = Math.max(0, clear - head);
      head = 0;
    }
    var n = in.read(buf, tail, buf.length - tail);
    if (n < 0) {
      throw new EOFException("The multipart body ended " + where + ".");
    }
    tail += n;
  }

  /**
   * Copies up to {@code len} bytes of the current part's body into {@code b}, reading on as needed:
   * -1 at the delimiter. {@code len} must be at least 1.
   */
  int readBody(byte[] b, int off, int len) throws IOException {
    var n = Math.min(len, bodyBytes());
    if (n == 0) {
      return -1;
    }
    System.arraycopy(buf, head, b, off, n);
    head += n;
    return n;
  }

  /** How many bytes of the current part's body are in the buffer and known to be body. */
  int availableBody() {
    return Math.max(0, clear - head);
  }

  /** The next byte of the current part's body, or -1 at the delimiter. */
  int readBody() throws IOException {
    return bodyBytes() == 0 ? -1 : buf[head++] & 0xff;
  }
}
