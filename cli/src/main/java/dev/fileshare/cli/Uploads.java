package dev.fileshare.cli;

import io.tus.java.client.ProtocolException;
import io.tus.java.client.TusClient;
import io.tus.java.client.TusUpload;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Uploads through the server's tus endpoint ({@code /api/uploads/}): an upload cut off goes on from
 * the last byte the server stored, within this run (a few tries) or when the same command runs
 * again, and the file that results must have the SHA-256 of the local one.
 */
final class Uploads {

  /** Bytes sent in one PATCH request. */
  private static final int REQUEST_BYTES = 32 * 1024 * 1024;

  private static final int BUFFER_BYTES = 256 * 1024;

  private final Api api;
  private final UploadUrls urls;
  private final Retries retries;

  Uploads(Api api, Path configDir, Retries retries) {
    this.api = api;
    this.urls = new UploadUrls(configDir);
    this.retries = retries;
  }

  /**
   * Sends the file (resuming an earlier try of the same content, name and visibility) and answers
   * the file the server made of it.
   *
   * @param sha256 the local file's SHA-256, which the result must have
   * @param bar the file's bar; {@code total} the bar of the whole run
   */
  Map<String, Object> upload(
      Path file,
      String name,
      @Nullable String visibility,
      String sha256,
      Progress.Bar bar,
      Progress.Bar total) {
    var tus = client();
    TusUpload upload;
    try {
      upload = new TusUpload(file.toFile());
    } catch (IOException e) {
      throw new CliException(Exit.FAILED, "Cannot read " + file + ": " + e.getMessage());
    }
    upload.setFingerprint(
        String.join("\n", api.server().toString(), sha256, name, String.valueOf(visibility)));
    var metadata = new LinkedHashMap<String, String>();
    metadata.put("filename", name);
    if (visibility != null) {
      metadata.put("visibility", visibility);
    }
    upload.setMetadata(metadata);
    var size = upload.getSize();
    var counted = new long[] {0};
    URL location =
        retries.run(
            "The upload of " + name,
            () -> {
              var uploader = tus.resumeOrCreateUpload(upload);
              uploader.setChunkSize(BUFFER_BYTES);
              uploader.setRequestPayloadSize(REQUEST_BYTES);
              do {
                var offset = uploader.getOffset();
                bar.stepTo(offset);
                total.stepBy(offset - counted[0]);
                counted[0] = offset;
              } while (uploader.uploadChunk() > -1);
              uploader.finish();
              return uploader.getUploadURL();
            },
            () -> "at " + counted[0] + " of " + size + " bytes");
    var made = fileOf(location);
    if (!sha256.equals(made.get("sha256"))) {
      throw new CliException(
          Exit.CHECKSUM,
          "The server stored "
              + name
              + " with SHA-256 "
              + made.get("sha256")
              + ", not "
              + sha256
              + " as sent: it is file "
              + made.get("id")
              + "; upload it again");
    }
    return made;
  }

  private TusClient client() {
    var tus = new TusClient();
    try {
      tus.setUploadCreationURL(api.uri("/api/uploads/").toURL());
    } catch (MalformedURLException e) {
      throw new CliException(Exit.USAGE, "Not a URL: " + api.server());
    }
    tus.setHeaders(Map.of("Authorization", "Token " + api.token()));
    tus.setConnectTimeout(10_000);
    tus.enableResuming(urls);
    tus.enableRemoveFingerprintOnSuccess();
    return tus;
  }

  /** The file a finished upload became: its HEAD names it in {@code Fileshare-File-Id}. */
  private Map<String, Object> fileOf(URL location) {
    try (var head =
        api.send(
            api.request(java.net.URI.create(location.toString()))
                .header("Tus-Resumable", "1.0.0")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()))) {
      var id =
          head.headers()
              .firstValue("Fileshare-File-Id")
              .orElseThrow(
                  () ->
                      new CliException(
                          Exit.FAILED, "The server did not say which file the upload became"));
      return api.getObject("/api/files/" + id + "/");
    }
  }

  /** A refusal of a tus request, as the one line the server's problem gives. */
  static CliException refused(ProtocolException e) {
    var connection = e.getCausingConnection();
    if (connection == null) {
      return new CliException(Exit.FAILED, e.getMessage());
    }
    try {
      var status = connection.getResponseCode();
      var body = connection.getErrorStream();
      var problem = body == null ? Map.<String, Object>of() : Api.readProblem(body);
      return Api.refused(status, problem);
    } catch (IOException unreadable) {
      return new CliException(Exit.FAILED, e.getMessage());
    }
  }
}
