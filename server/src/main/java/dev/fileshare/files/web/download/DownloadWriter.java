package dev.fileshare.files.web.download;

import dev.fileshare.files.FileContent;
import dev.fileshare.shared.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;
import org.apache.coyote.CloseNowException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Streams a file to the client, never holding it in memory: conditional requests (304), a single
 * range (206, or 416), {@code HEAD}, and headers that keep a browser from running the content.
 */
@Component
public class DownloadWriter {

  private static final Logger log = LoggerFactory.getLogger(DownloadWriter.class);
  private static final int BUFFER = 256 * 1024;
  private static final String SENDFILE_SUPPORT = "org.apache.tomcat.sendfile.support";
  private static final String SENDFILE_NAME = "org.apache.tomcat.sendfile.filename";
  private static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";
  private static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";

  public void write(HttpServletRequest request, HttpServletResponse response, FileContent content)
      throws IOException {
    var file = content.file();
    var etag = "\"" + file.sha256() + "\"";
    var lastModified = file.updated().toEpochMilli();
    var range =
        Preconditions.rangeApplies(request, etag, lastModified)
            ? ByteRange.parse(request.getHeader("Range"), file.size())
            : Optional.<ByteRange>empty();
    var notModified = Preconditions.notModified(request, etag, lastModified);
    if (range.isPresent() && !range.get().satisfiable() && !notModified) {
      throw new ApiException(
          HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
          "The range is not satisfiable: the file has " + file.size() + " bytes.",
          Map.of(),
          Map.of("Content-Range", "bytes */" + file.size(), "Accept-Ranges", "bytes"));
    }
    response.setHeader("ETag", etag);
    response.setDateHeader("Last-Modified", Preconditions.seconds(lastModified));
    response.setHeader("Cache-Control", "private");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
    response.setHeader("Accept-Ranges", "bytes");
    if (notModified) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setContentType(file.contentType());
    response.setHeader("Content-Disposition", ContentDispositions.attachment(file.name()));
    var start = range.map(ByteRange::start).orElse(0L);
    var length = range.map(ByteRange::length).orElse(file.size());
    range.ifPresent(
        part -> {
          response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
          response.setHeader(
              "Content-Range", "bytes " + part.start() + "-" + part.end() + "/" + file.size());
        });
    response.setContentLengthLong(length);
    if ("HEAD".equals(request.getMethod()) || sendfile(request, content, start, length)) {
      return;
    }
    try (var in = range.isPresent() ? content.open(start, length) : content.open()) {
      copy(in, response.getOutputStream(), file.id(), length);
    }
  }

  /**
   * Hands the bytes to the container to send from the file without copying them through the
   * application (Tomcat's sendfile: {@code FileChannel.transferTo} to the socket), when the
   * container can and the store keeps the blob as a local file.
   */
  private static boolean sendfile(
      HttpServletRequest request, FileContent content, long start, long length) throws IOException {
    if (!Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORT)) || length == 0) {
      return false;
    }
    var name = content.sendfileName();
    if (name.isEmpty()) {
      return false;
    }
    request.setAttribute(SENDFILE_NAME, name.get());
    request.setAttribute(SENDFILE_START, start);
    request.setAttribute(SENDFILE_END, start + length);
    return true;
  }

  /**
   * Copies until the end. A client that goes away ends the copy quietly. A store that fails once
   * bytes have gone out (a read timeout, a connection lost) can no longer be answered with a
   * problem: the connection is closed at once, so the client sees a body shorter than its {@code
   * Content-Length} and never takes it for the whole file; one line in the log says so.
   */
  private static void copy(InputStream in, OutputStream out, long id, long length)
      throws IOException {
    var buffer = new byte[BUFFER];
    var sent = 0L;
    while (true) {
      int read;
      try {
        read = in.read(buffer);
      } catch (IOException e) {
        log.warn(
            "Download of file {} cut after {} of {} bytes: reading it from storage failed: {}",
            id,
            sent,
            length,
            e.toString());
        throw new CloseNowException("reading the file from storage failed", e);
      }
      if (read < 0) {
        return;
      }
      try {
        out.write(buffer, 0, read);
      } catch (IOException e) {
        log.debug("Download of file {} ended by the client", id, e);
        return;
      }
      sent += read;
    }
  }
}
