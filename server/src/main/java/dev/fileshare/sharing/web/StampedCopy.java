package dev.fileshare.sharing.web;

import dev.fileshare.inspection.DocumentStamper;
import dev.fileshare.shared.ApiException;
import dev.fileshare.sharing.LinkDownload;
import jakarta.servlet.http.HttpServletResponse;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Answers a download through a link that watermarks: a copy stamped on every page, written to the
 * response as it is made, never held whole in memory, the stored file unchanged. Each copy is
 * different, so it has no length beforehand, no ranges, no validator from the file's checksum and
 * no caching. The download is counted when its first byte is about to go out, so that a document
 * that cannot be stamped (an encrypted one) is refused with a problem, uncounted.
 */
@Component
class StampedCopy {

  private final DocumentStamper stamper;

  StampedCopy(DocumentStamper stamper) {
    this.stamper = stamper;
  }

  void write(boolean head, HttpServletResponse response, LinkDownload download, String stamp)
      throws IOException {
    var file = download.content().file();
    response.setHeader("Cache-Control", "private, no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
    response.setHeader("Accept-Ranges", "none");
    response.setContentType(file.contentType());
    response.setHeader(
        "Content-Disposition",
        ContentDisposition.attachment()
            .filename(file.name(), StandardCharsets.UTF_8)
            .build()
            .toString());
    if (head) {
      return;
    }
    var out = new Counting(response, download);
    boolean stamped;
    try (var channel = download.content().channel()) {
      stamped = stamper.stamp(channel, stamp, out);
    } catch (IOException e) {
      if (out.sent == 0 && !response.isCommitted()) {
        response.reset();
        throw new ApiException(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "This document cannot be stamped: it could not be read.");
      }
      download.ended(out.sent, false);
      return;
    }
    if (!stamped) {
      response.reset();
      throw new ApiException(
          HttpStatus.CONFLICT,
          "This document is encrypted, so this link cannot give out a stamped copy of it. Ask the"
              + " person who sent the link.");
    }
    try {
      response.flushBuffer();
      download.ended(out.sent, true);
    } catch (IOException e) {
      download.ended(out.sent, false);
    }
  }

  /** Starts (counts) the download at its first byte, then counts the bytes. */
  private static final class Counting extends FilterOutputStream {

    private final HttpServletResponse response;
    private final LinkDownload download;
    private long sent;
    private boolean started;

    Counting(HttpServletResponse response, LinkDownload download) {
      super(OutputStream.nullOutputStream());
      this.response = response;
      this.download = download;
    }

    private OutputStream target() throws IOException {
      if (!started) {
        download.starting(false, null);
        started = true;
        out = response.getOutputStream();
      }
      return out;
    }

    @Override
    public void write(int b) throws IOException {
      target().write(b);
      sent++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      target().write(b, off, len);
      sent += len;
    }

    @Override
    public void flush() throws IOException {
      if (started) {
        out.flush();
      }
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
