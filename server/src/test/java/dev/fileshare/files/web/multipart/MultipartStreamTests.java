package dev.fileshare.files.web.multipart;

import static dev.fileshare.files.web.multipart.MultipartBodies.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The structure around the parts: preamble, headers, padding, the end, and what is malformed. */
class MultipartStreamTests {

  private static final int MAX_HEADERS = 1024;

  @Test
  void preambleHeadersPaddingEmptyPartAndEpilogue() throws IOException {
    var stream =
        stream(
            "This is the preamble.\r\n--b \t \r\n"
                + "Content-Disposition: form-data; name=\"a\"\r\n"
                + "Content-Type: text/plain\r\n\r\n"
                + "one\r\n--b\r\n"
                + "Content-Disposition: form-data; name=\"é\"; filename=\"ü.pdf\"\r\n\r\n"
                + "\r\n--b\r\n"
                + "\r\n"
                + "headless\r\n--b--  \r\nThis is the epilogue.\r\n--b\r\n");
    assertThat(stream.nextPart()).isTrue();
    assertThat(stream.readHeaders())
        .isEqualTo(
            "Content-Disposition: form-data; name=\"a\"\r\nContent-Type: text/plain\r\n\r\n");
    assertThat(text(stream.body())).isEqualTo("one");
    assertThat(stream.nextPart()).isTrue();
    assertThat(stream.readHeaders()).contains("name=\"é\"; filename=\"ü.pdf\"");
    assertThat(text(stream.body())).isEmpty();
    assertThat(stream.nextPart()).isTrue();
    assertThat(stream.readHeaders()).isEqualTo("\r\n");
    assertThat(text(stream.body())).isEqualTo("headless");
    assertThat(stream.nextPart()).isFalse();
    assertThat(stream.nextPart()).isFalse();
  }

  @Test
  void unreadBodiesAreSkippedAndCannotBeReadAfterwards() throws IOException {
    var stream = stream("--b\r\n\r\nfirst body\r\n--b\r\n\r\nsecond\r\n--b--");
    assertThat(stream.nextPart()).isTrue();
    stream.readHeaders();
    var first = stream.body();
    assertThat(first.read()).isEqualTo('f');
    assertThat(stream.nextPart()).isTrue();
    stream.readHeaders();
    assertThatThrownBy(first::read).isInstanceOf(IOException.class);
    assertThat(text(stream.body())).isEqualTo("second");
    assertThat(stream.nextPart()).isFalse();
  }

  @Test
  void singleByteReadsAndReadsOfNothing() throws IOException {
    var stream = stream("--b\r\n\r\nab\r\n--b--\r\n");
    stream.nextPart();
    stream.readHeaders();
    var body = stream.body();
    var into = new byte[4];
    assertThat(body.read(into, 2, 0)).isZero();
    assertThat(body.read()).isEqualTo('a');
    assertThat(body.read(into, 0, 0)).isZero();
    assertThat(body.read(into, 1, 3)).isEqualTo(1);
    assertThat(into[1]).isEqualTo((byte) 'b');
    assertThat(body.read()).isEqualTo(-1);
    assertThat(body.read(into, 0, 4)).isEqualTo(-1);
    assertThat(body.read(into, 0, 0)).isZero();
    assertThat(stream.nextPart()).isFalse();
  }

  @Test
  void aBodyThatEndsBeforeTheClosingDelimiterIsAnError() throws IOException {
    var ended = stream("--b\r\n\r\nthe client stopped here");
    ended.nextPart();
    ended.readHeaders();
    var body = ended.body();
    assertThatThrownBy(() -> body.readAllBytes()).isInstanceOf(IOException.class);

    assertThatThrownBy(() -> skipAll(stream("--b\r\n\r\nno end\r\n--b")))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> skipAll(stream("--b\r\n\r\nno end\r\n--b\r\n")))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> skipAll(stream("no delimiter at all")))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> skipAll(stream(""))).isInstanceOf(IOException.class);
  }

  @Test
  void aClientThatFailsMidBodyIsAnErrorFromRead() throws IOException {
    var failing =
        new SequenceInputStream(
            new ByteArrayInputStream(ascii("--b\r\n\r\nsome bytes")),
            new InputStream() {
              @Override
              public int read() throws IOException {
                throw new IOException("connection reset");
              }
            });
    var stream = new MultipartStream(failing, ascii("b"), 64, MAX_HEADERS);
    stream.nextPart();
    stream.readHeaders();
    var body = stream.body();
    assertThatThrownBy(body::readAllBytes).hasMessage("connection reset");
  }

  @Test
  void malformedDelimiterLines() {
    assertThatThrownBy(() -> skipAll(stream("--bX\r\n\r\nx\r\n--b--")))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> skipAll(stream("--b \r\r\n\r\nx\r\n--b--")))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> skipAll(stream("--b\r\n\r\nx\r\n--b-\r\n")))
        .isInstanceOf(IOException.class);
  }

  @Test
  void truncatedHeaders() {
    assertThatThrownBy(() -> skipAll(stream("--b\r\nContent-Disposition: form-da")))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> skipAll(stream("--b\r\nContent-Disposition: form-data\r\n")))
        .isInstanceOf(IOException.class);
  }

  @Test
  void headersUpToTheLimit() throws IOException {
    var prefix = "X-Long: ";
    var fits = prefix + "a".repeat(MAX_HEADERS - prefix.length() - 4) + "\r\n\r\n";
    var stream = stream("--b\r\n" + fits + "body\r\n--b--");
    stream.nextPart();
    assertThat(stream.readHeaders()).isEqualTo(fits);
    assertThat(text(stream.body())).isEqualTo("body");

    var over = prefix + "a".repeat(MAX_HEADERS - prefix.length() - 3) + "\r\n\r\n";
    assertThatThrownBy(() -> skipAll(stream("--b\r\n" + over + "body\r\n--b--")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("longer than");
    var endless = "X-Endless: " + "a".repeat(100 * MAX_HEADERS);
    assertThatThrownBy(() -> skipAll(stream("--b\r\n" + endless)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("longer than");
  }

  @Test
  void availableCountsOnlyBytesKnownToBeBody() throws IOException {
    var stream = stream("--b\r\n\r\nsome body bytes\r\n--b\r\n\r\nx\r\n--b--");
    assertThat(stream.nextPart()).isTrue();
    stream.readHeaders();
    var body = stream.body();
    assertThat(body.read()).isEqualTo('s');
    var available = body.available();
    assertThat(available).isPositive();
    var rest = body.readNBytes(available);
    assertThat(new String(rest, StandardCharsets.UTF_8))
        .isEqualTo("ome body bytes".substring(0, available));
    assertThat(text(body)).isEqualTo("ome body bytes".substring(available));
    assertThat(body.available()).isZero();
    body.close();
    assertThatThrownBy(body::available).isInstanceOf(IOException.class);
  }

  private static MultipartStream stream(String body) {
    return new MultipartStream(
        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
        ascii("b"),
        64,
        MAX_HEADERS);
  }

  private static void skipAll(MultipartStream stream) throws IOException {
    while (stream.nextPart()) {
      stream.readHeaders();
    }
  }

  private static String text(InputStream body) throws IOException {
    return new String(body.readAllBytes(), StandardCharsets.UTF_8);
  }
}
