package dev.fileshare.storage.s3;

import dev.fileshare.storage.BlobNotFoundException;
import dev.fileshare.storage.StoreUnavailableException;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns the SDK's unchecked exceptions into what the {@link dev.fileshare.storage.BlobStore}
 * contract promises: an {@link IOException} for any failure of the store, so callers handle S3 and
 * local disk alike.
 */
final class S3Errors {

  private S3Errors() {}

  static IOException failure(String what, SdkException e) {
    var message = what + " failed on S3: " + e.getMessage();
    return unavailable(e) ? new StoreUnavailableException(message, e) : new IOException(message, e);
  }

  /** No answer (refused, timed out, cut) or a failure on S3's side (5xx, SlowDown). */
  static boolean unavailable(SdkException e) {
    return e instanceof SdkClientException || e instanceof S3Exception s3 && s3.statusCode() >= 500;
  }

  /** {@link BlobNotFoundException} when the object is not there, else a failure. */
  static IOException mapped(String what, String key, SdkException e) {
    return isMissingObject(e) ? new BlobNotFoundException(key) : failure(what, e);
  }

  /** Whether the object is not there (a missing bucket is a failure, not a missing blob). */
  static boolean isMissingObject(SdkException e) {
    if (e instanceof NoSuchKeyException) {
      return true;
    }
    return e instanceof S3Exception s3
        && s3.statusCode() == 404
        && !(e instanceof NoSuchBucketException)
        && !"NoSuchBucket".equals(errorCode(s3));
  }

  /** Whether a ranged read asked for bytes past the end of the object (HTTP 416). */
  static boolean isInvalidRange(SdkException e) {
    return e instanceof S3Exception s3 && s3.statusCode() == 416;
  }

  static @Nullable String errorCode(S3Exception e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }
}
