package dev.fileshare.storage.s3;

import java.io.IOException;
import java.time.Instant;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Aborts multipart uploads started before the cutoff (an upload whose server died halfway; their
 * parts cost storage but are never visible as objects), then hands on every blob last written
 * before the cutoff, a page of the listing at a time. Objects whose names are not blob keys are
 * left alone, so the bucket may hold other things.
 */
final class S3Sweeper {

  private final S3Client client;
  private final String bucket;

  S3Sweeper(S3Client client, String bucket) {
    this.client = client;
    this.bucket = bucket;
  }

  void sweep(Instant cutoff, Consumer<String> olderBlobs) throws IOException {
    abortAbandonedUploads(cutoff);
    try {
      for (var object : client.listObjectsV2Paginator(list -> list.bucket(bucket)).contents()) {
        if (ObjectKeys.isKey(object.key()) && object.lastModified().isBefore(cutoff)) {
          olderBlobs.accept(object.key());
        }
      }
    } catch (SdkException e) {
      throw S3Errors.failure("Listing the bucket", e);
    }
  }

  private void abortAbandonedUploads(Instant cutoff) throws IOException {
    try {
      var uploads = client.listMultipartUploadsPaginator(list -> list.bucket(bucket)).uploads();
      for (var upload : uploads) {
        if (ObjectKeys.isKey(upload.key())
            && upload.initiated() != null
            && upload.initiated().isBefore(cutoff)) {
          try {
            client.abortMultipartUpload(
                abort -> abort.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
          } catch (SdkException e) {
            if (!S3Errors.isMissingObject(e)) {
              throw e;
            }
          }
        }
      }
    } catch (SdkException e) {
      throw S3Errors.failure("Removing abandoned uploads", e);
    }
  }
}
