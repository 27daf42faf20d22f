package dev.fileshare.storage.s3;

import dev.fileshare.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Keeps each blob as one object in a bucket, under its key. An object appears only when its upload
 * is complete (PutObject, or CompleteMultipartUpload), and S3 makes it durable before answering.
 * Reads stream from GetObject; random reads go through ranged GETs ({@link RangedChannel}).
 */
final class S3BlobStore implements BlobStore {

  /** How much a channel from {@link #open} reads ahead with each request. */
  static final int WINDOW_SIZE = 1024 * 1024;

  private final S3Client client;
  private final String bucket;
  private final S3Upload upload;
  private final ObjectRanges ranges;
  private final S3Sweeper sweeper;

  S3BlobStore(S3Client client, String bucket, int partSize) {
    this.client = client;
    this.bucket = bucket;
    this.upload = new S3Upload(client, bucket, partSize);
    this.ranges = new ObjectRanges(client, bucket);
    this.sweeper = new S3Sweeper(client, bucket);
  }

  @Override
  public StoredBlob store(InputStream content, long maxBytes) throws IOException {
    return upload.store(content, maxBytes);
  }

  /** Parts that S3 takes in a multipart upload: see {@link S3Upload#canCompose}. */
  @Override
  public boolean canCompose(List<BlobPart> parts) {
    return S3Upload.canCompose(parts);
  }

  /** Copies the parts inside the bucket, as the parts of one multipart upload (UploadPartCopy). */
  @Override
  public StoredBlob compose(List<BlobPart> parts, String sha256) throws IOException {
    parts.forEach(part -> ObjectKeys.checked(part.key()));
    return upload.compose(parts, sha256);
  }

  @Override
  public InputStream load(String key) throws IOException {
    ObjectKeys.checked(key);
    try {
      return new ObjectStream(client.getObject(get -> get.bucket(bucket).key(key)));
    } catch (SdkException e) {
      throw S3Errors.mapped("Reading " + key, key, e);
    }
  }

  @Override
  public InputStream load(String key, long offset, long length) throws IOException {
    ObjectKeys.checked(key);
    if (offset < 0 || length < 0 || length > Long.MAX_VALUE - offset) {
      throw ObjectRanges.outside(offset, length, "the blob");
    }
    if (length == 0) {
      var size = size(key);
      if (offset > size) {
        throw ObjectRanges.outside(offset, length, "the blob of " + size + " bytes");
      }
      return InputStream.nullInputStream();
    }
    return new ObjectStream(ranges.get(key, offset, length));
  }

  @Override
  public SeekableByteChannel open(String key) throws IOException {
    var size = size(key);
    return new RangedChannel(
        (offset, into, length) -> ranges.read(key, offset, into, length), size, WINDOW_SIZE);
  }

  @Override
  public long size(String key) throws IOException {
    ObjectKeys.checked(key);
    try {
      return client.headObject(head -> head.bucket(bucket).key(key)).contentLength();
    } catch (SdkException e) {
      throw S3Errors.mapped("Reading the size of " + key, key, e);
    }
  }

  @Override
  public boolean exists(String key) throws IOException {
    ObjectKeys.checked(key);
    try {
      client.headObject(head -> head.bucket(bucket).key(key));
      return true;
    } catch (SdkException e) {
      if (S3Errors.isMissingObject(e)) {
        return false;
      }
      throw S3Errors.failure("Looking up " + key, e);
    }
  }

  @Override
  public void delete(String key) throws IOException {
    ObjectKeys.checked(key);
    try {
      client.deleteObject(delete -> delete.bucket(bucket).key(key));
    } catch (SdkException e) {
      if (!S3Errors.isMissingObject(e)) {
        throw S3Errors.failure("Deleting " + key, e);
      }
    }
  }

  @Override
  public void sweep(Instant cutoff, Consumer<String> olderBlobs) throws IOException {
    sweeper.sweep(cutoff, olderBlobs);
  }

  @Override
  public String toString() {
    return "S3BlobStore[" + bucket + "]";
  }
}
