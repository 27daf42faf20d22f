package dev.fileshare.resumable;

import dev.fileshare.support.Api;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** tus requests made by hand, for what a tus client library does not let a test choose. */
final class TusCalls {

  static final String OCTETS = "application/offset+octet-stream";

  private TusCalls() {}

  static String metadata(String filename, String visibility) {
    var header = "filename " + base64(filename);
    return visibility == null ? header : header + ",visibility " + base64(visibility);
  }

  /** Creates an upload of {@code length} bytes and answers its path. */
  static String create(Api api, String token, long length, String filename) {
    var answer = createCall(api, token, length, metadata(filename, null)).send();
    if (answer.status() != 201) {
      throw new AssertionError("creation failed: " + answer);
    }
    return answer.header("Location");
  }

  static Api.Call createCall(Api api, String token, long length, String metadata) {
    return api.post("/api/uploads/")
        .token(token)
        .header("Tus-Resumable", "1.0.0")
        .header("Upload-Length", Long.toString(length))
        .header("Upload-Metadata", metadata);
  }

  static Api.Call patch(Api api, String token, String path, long offset, byte[] bytes) {
    return api.call("PATCH", path)
        .token(token)
        .header("Tus-Resumable", "1.0.0")
        .header("Upload-Offset", Long.toString(offset))
        .body(OCTETS, bytes);
  }

  static Api.Answer head(Api api, String token, String path) {
    return api.call("HEAD", path).token(token).header("Tus-Resumable", "1.0.0").send();
  }

  static String checksum(byte[] bytes) {
    return "sha256 " + Base64.getEncoder().encodeToString(digest(bytes));
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest(bytes));
  }

  private static byte[] digest(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
