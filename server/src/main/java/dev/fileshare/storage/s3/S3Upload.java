package dev.fileshare.storage.s3;

import dev.fileshare.shared.Sha256;
import dev.fileshare.storage.BlobStore.BlobPart;
import dev.fileshare.storage.BlobStore.StoredBlob;
import dev.fileshare.storage.BlobTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Streams content into a new object: content that fits in one part is sent with one PutObject;
 * longer content with a multipart upload, one part at a time through one reusable {@link
 * PartBuffer}. The SHA-256 and size are computed on the way. When anything fails, the multipart
 * upload is aborted, so no object and no stored parts are left behind.
 */
final class S3Upload {

  /** S3 accepts at most this many parts in one upload. */
  static final int MAX_PARTS = 10_000;

  /** The least size S3 accepts for a part other than the last. */
  static final long MIN_PART = 5L * 1024 * 1024;

  /** The largest part S3 accepts. */
  static final long MAX_PART = 5L * 1024 * 1024 * 1024;

  private final S3Client client;
  private final String bucket;
  private final int partSize;

  S3Upload(S3Client client, String bucket, int partSize) {
    this.client = client;
    this.bucket = bucket;
    this.partSize = partSize;
  }

  StoredBlob store(InputStream content, long maxBytes) throws IOException {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must not be negative");
    }
    var key = ObjectKeys.newKey();
    var digest = Sha256.digest();
    var buffer = new PartBuffer(partSize);
    checkLimit(buffer.fill(content, digest, maxBytes), maxBytes);
    if (buffer.ended()) {
      try {
        client.putObject(put -> put.bucket(bucket).key(key), buffer.body());
      } catch (SdkException e) {
        throw S3Errors.failure("Storing " + key, e);
      }
      return new StoredBlob(key, buffer.length(), Sha256.hex(digest));
    }
    var uploadId = startMultipart(key);
    try {
      var size = uploadParts(key, uploadId, content, digest, buffer, maxBytes);
      return new StoredBlob(key, size, Sha256.hex(digest));
    } catch (IOException | RuntimeException | Error e) {
      abort(key, uploadId, e);
      throw e;
    }
  }

  /**
   * Whether the parts can be the parts of one multipart upload: at most {@link #MAX_PARTS}, none
   * longer than S3's largest part (5 GiB), none but the last shorter than its least (5 MiB).
   */
  static boolean canCompose(List<BlobPart> parts) {
    if (parts.isEmpty() || parts.size() > MAX_PARTS) {
      return false;
    }
    for (var i = 0; i < parts.size(); i++) {
      var length = parts.get(i).length();
      if (length <= 0 || length > MAX_PART || (i < parts.size() - 1 && length < MIN_PART)) {
        return false;
      }
    }
    return true;
  }

  /** A new object of the parts' bytes, copied part by part inside the store (UploadPartCopy). */
  StoredBlob compose(List<BlobPart> parts, String sha256) throws IOException {
    if (!canCompose(parts)) {
      throw new UnsupportedOperationException("S3 cannot compose these parts");
    }
    var key = ObjectKeys.newKey();
    var uploadId = startMultipart(key);
    try {
      var copied = new ArrayList<CompletedPart>();
      long size = 0;
      for (var part : parts) {
        copied.add(copyPart(key, uploadId, copied.size() + 1, part));
        size += part.length();
      }
      complete(key, uploadId, copied);
      return new StoredBlob(key, size, sha256);
    } catch (IOException | RuntimeException | Error e) {
      abort(key, uploadId, e);
      throw e;
    }
  }

  /** Starts a multipart upload to {@code key}; its id. */
  private String startMultipart(String key) throws IOException {
    try {
      return client.createMultipartUpload(create -> create.bucket(bucket).key(key)).uploadId();
    } catch (SdkException e) {
      throw S3Errors.failure("Starting the upload of " + key, e);
    }
  }

  private CompletedPart copyPart(String key, String uploadId, int number, BlobPart part)
      throws IOException {
    try {
      var eTag =
          client
              .uploadPartCopy(
                  copy ->
                      copy.sourceBucket(bucket)
                          .sourceKey(part.key())
                          .copySourceRange("bytes=0-" + (part.length() - 1))
                          .destinationBucket(bucket)
                          .destinationKey(key)
                          .uploadId(uploadId)
                          .partNumber(number))
              .copyPartResult()
              .eTag();
      return CompletedPart.builder().partNumber(number).eTag(eTag).build();
    } catch (SdkException e) {
      throw S3Errors.failure("Copying " + part.key() + " as part " + number + " of " + key, e);
    }
  }

  private long uploadParts(
      String key,
      String uploadId,
      InputStream content,
      MessageDigest digest,
      PartBuffer buffer,
      long maxBytes)
      throws IOException {
    var parts = new ArrayList<CompletedPart>();
    long size = 0;
    while (buffer.length() > 0) {
      if (parts.size() == MAX_PARTS) {
        throw new IOException(
            "Content needs more than " + MAX_PARTS + " parts of " + partSize + " bytes");
      }
      parts.add(uploadPart(key, uploadId, parts.size() + 1, buffer));
      size += buffer.length();
      if (buffer.ended()) {
        break;
      }
      checkLimit(size + buffer.fill(content, digest, maxBytes - size), maxBytes);
    }
    complete(key, uploadId, parts);
    return size;
  }

  private CompletedPart uploadPart(String key, String uploadId, int number, PartBuffer buffer)
      throws IOException {
    try {
      var eTag =
          client
              .uploadPart(
                  part ->
                      part.bucket(bucket)
                          .key(key)
                          .uploadId(uploadId)
                          .partNumber(number)
                          .contentLength((long) buffer.length()),
                  buffer.body())
              .eTag();
      return CompletedPart.builder().partNumber(number).eTag(eTag).build();
    } catch (SdkException e) {
      throw S3Errors.failure("Uploading part " + number + " of " + key, e);
    }
  }

  private void complete(String key, String uploadId, List<CompletedPart> parts) throws IOException {
    try {
      client.completeMultipartUpload(
          complete ->
              complete
                  .bucket(bucket)
                  .key(key)
                  .uploadId(uploadId)
                  .multipartUpload(upload -> upload.parts(parts)));
    } catch (SdkException e) {
      throw S3Errors.failure("Completing the upload of " + key, e);
    }
  }

  /** Aborts the upload, best effort: a failure to abort is added to {@code cause}. */
  private void abort(String key, String uploadId, Throwable cause) {
    try {
      client.abortMultipartUpload(abort -> abort.bucket(bucket).key(key).uploadId(uploadId));
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  private static void checkLimit(long read, long maxBytes) throws BlobTooLargeException {
    if (read > maxBytes) {
      throw new BlobTooLargeException(maxBytes);
    }
  }
}
