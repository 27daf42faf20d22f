package dev.fileshare.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Ranged GETs ({@code Range: bytes=first-last}). S3 answers a range that runs past the end with the
 * bytes there are, and one that starts past the end with 416; both are refused here as the contract
 * demands. An answer of another length than asked (a store that ignores {@code Range}) is a
 * failure, never silently the wrong bytes.
 */
final class ObjectRanges {

  private final S3Client client;
  private final String bucket;

  ObjectRanges(S3Client client, String bucket) {
    this.client = client;
    this.bucket = bucket;
  }

  /** Streams {@code length > 0} bytes from {@code offset}; the caller closes the stream. */
  ResponseInputStream<GetObjectResponse> get(String key, long offset, long length)
      throws IOException {
    if (offset < 0 || length <= 0 || length > Long.MAX_VALUE - offset) {
      throw outside(offset, length, "the blob");
    }
    var last = offset + length - 1;
    ResponseInputStream<GetObjectResponse> response;
    try {
      response =
          client.getObject(
              get -> get.bucket(bucket).key(key).range("bytes=" + offset + "-" + last));
    } catch (SdkException e) {
      if (S3Errors.isInvalidRange(e)) {
        throw outside(offset, length, "the blob");
      }
      throw S3Errors.mapped("Reading " + key, key, e);
    }
    var size = totalSize(response.response().contentRange());
    if (size >= 0 && last >= size) {
      discard(response);
      throw outside(offset, length, "the blob of " + size + " bytes");
    }
    var answered = response.response().contentLength();
    if (answered == null || answered != length) {
      discard(response);
      throw new IOException(
          "S3 answered " + answered + " bytes for a range of " + length + " of " + key);
    }
    return response;
  }

  /** Reads exactly {@code length > 0} bytes from {@code offset} into {@code into}. */
  void read(String key, long offset, byte[] into, int length) throws IOException {
    try (InputStream in = get(key, offset, length)) {
      var n = in.readNBytes(into, 0, length);
      if (n < length) {
        throw new IOException("Blob " + key + " ended " + (length - n) + " bytes early");
      }
    } catch (SdkException e) {
      throw S3Errors.mapped("Reading " + key, key, e);
    }
  }

  static IllegalArgumentException outside(long offset, long length, String what) {
    return new IllegalArgumentException("Range " + offset + "+" + length + " is outside " + what);
  }

  /** The total size in a {@code Content-Range} header ({@code bytes 0-9/1000}), or -1. */
  private static long totalSize(String contentRange) {
    if (contentRange == null) {
      return -1;
    }
    try {
      return Long.parseLong(contentRange.substring(contentRange.lastIndexOf('/') + 1).trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void discard(ResponseInputStream<?> response) {
    response.abort();
    try {
      response.close();
    } catch (IOException | RuntimeException ignored) {
      // the connection is aborted already
    }
  }
}
