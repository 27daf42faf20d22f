package dev.fileshare.sharing.web;

import dev.fileshare.files.web.download.DownloadWriter;
import dev.fileshare.shared.ApiException;
import dev.fileshare.sharing.LinkDownload;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Answers a download through a link exactly as a signed-in download ({@link DownloadWriter}: the
 * same headers, ranges and conditional requests), and sees what the writer decides: when it is
 * about to send bytes (200 or 206) the download is counted, or refused while the response can still
 * become a problem; the bytes that left are counted for the access log. Tomcat's sendfile is not
 * offered here, so that every byte passes where it is counted. A link that watermarks answers with
 * a stamped copy instead ({@link StampedCopy}).
 */
@Component
class LinkStreamer {

  private static final String SENDFILE_SUPPORT = "org.apache.tomcat.sendfile.support";

  private final DownloadWriter writer;
  private final StampedCopy stamped;

  LinkStreamer(DownloadWriter writer, StampedCopy stamped) {
    this.writer = writer;
    this.stamped = stamped;
  }

  void stream(HttpServletRequest request, HttpServletResponse response, LinkDownload download)
      throws IOException {
    var head = "HEAD".equals(request.getMethod());
    var stamp = download.stamp();
    if (stamp.isPresent()) {
      stamped.write(head, response, download, stamp.get());
      return;
    }
    var counted = new Counted(response, head ? null : download);
    writer.write(new NoSendfile(request), counted, download.content());
    if (counted.planned >= 0) {
      try {
        response.flushBuffer();
      } catch (IOException e) {
        // the client went away; what was sent is recorded below
      }
      download.ended(counted.sent, counted.planned);
    }
  }

  private static final class NoSendfile extends HttpServletRequestWrapper {

    NoSendfile(HttpServletRequest request) {
      super(request);
    }

    @Override
    public @Nullable Object getAttribute(String name) {
      return SENDFILE_SUPPORT.equals(name) ? null : super.getAttribute(name);
    }
  }

  /** Counts the download when its length is set (status decided), then the bytes written. */
  private static final class Counted extends HttpServletResponseWrapper {

    private final @Nullable LinkDownload download;
    private long planned = -1;
    private long sent;
    private @Nullable ServletOutputStream out;

    Counted(HttpServletResponse response, @Nullable LinkDownload download) {
      super(response);
      this.download = download;
    }

    @Override
    public void setContentLengthLong(long length) {
      if (download != null && planned < 0) {
        try {
          download.starting(getStatus() == SC_PARTIAL_CONTENT, length);
        } catch (ApiException e) {
          reset();
          throw e;
        }
        planned = length;
      }
      super.setContentLengthLong(length);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (out == null) {
        var inner = super.getOutputStream();
        out =
            new ServletOutputStream() {
              @Override
              public void write(int b) throws IOException {
                inner.write(b);
                sent++;
              }

              @Override
              public void write(byte[] b, int off, int len) throws IOException {
                inner.write(b, off, len);
                sent += len;
              }

              @Override
              public void flush() throws IOException {
                inner.flush();
              }

              @Override
              public boolean isReady() {
                return inner.isReady();
              }

              @Override
              public void setWriteListener(WriteListener listener) {
                inner.setWriteListener(listener);
              }
            };
      }
      return out;
    }
  }
}
