package dev.fileshare.files;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A {@code multipart/form-data} body, as curl's {@code -F} or a browser's form sends it. */
public final class Multipart {

  private final String boundary = "fileshare-" + UUID.randomUUID();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  public Multipart field(String name, String value) {
    part("form-data; name=\"" + name + "\"", null, value.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /**
   * A file part; the filename is sent as UTF-8, with {@code "}, CR and LF percent-encoded as
   * browsers and curl do (WHATWG HTML's form encoding).
   */
  public Multipart file(String name, String filename, String type, byte[] content) {
    var quoted = filename.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    part("form-data; name=\"" + name + "\"; filename=\"" + quoted + "\"", type, content);
    return this;
  }

  public Multipart pdf(String filename, byte[] content) {
    return file("pdf", filename, "application/pdf", content);
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  public byte[] bytes() {
    var end = "--" + boundary + "--\r\n";
    var all = new ByteArrayOutputStream();
    all.writeBytes(out.toByteArray());
    all.writeBytes(end.getBytes(StandardCharsets.US_ASCII));
    return all.toByteArray();
  }

  private void part(String disposition, String type, byte[] content) {
    var head = new StringBuilder("--").append(boundary).append("\r\n");
    head.append("Content-Disposition: ").append(disposition).append("\r\n");
    if (type != null) {
      head.append("Content-Type: ").append(type).append("\r\n");
    }
    head.append("\r\n");
    out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
  }
}
