package dev.fileshare.storage;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where blobs are kept.
 *
 * @param type the store new blobs go to ({@code FILESHARE_STORAGE_TYPE}, default {@code local}). A
 *     node reads from every store it has settings for (see {@link BlobStoreRegistry}), so files can
 *     move from one store to another while it serves them
 * @param local settings of the local-disk store
 * @param s3 settings of the S3 store
 * @param sweepGrace how old a half-written upload or an unreferenced blob must be before it is
 *     removed, so that an upload still in progress is never taken for an orphan ({@code
 *     FILESHARE_STORAGE_SWEEP_GRACE}, default one hour)
 */
@ConfigurationProperties("fileshare.storage")
public record StorageSettings(
    @DefaultValue("local") Type type,
    @DefaultValue Local local,
    @DefaultValue S3 s3,
    @DefaultValue("1h") Duration sweepGrace) {

  /** The kinds of store. */
  public enum Type {
    /** Files under a directory of the server's disk. */
    LOCAL,
    /** Objects in a bucket of an S3-compatible object store (AWS S3, MinIO, Ceph RGW…). */
    S3;

    /** The store's name in configuration and in the files table: {@code local} or {@code s3}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * @param root the directory blobs are kept in ({@code FILESHARE_STORAGE_LOCAL_ROOT}); when unset,
   *     {@code blobs} under the data directory
   */
  public record Local(@Nullable Path root) {}

  /**
   * @param endpoint the object store's address, for stores other than AWS S3 ({@code
   *     FILESHARE_STORAGE_S3_ENDPOINT}); when unset, AWS S3 in the region
   * @param region the region ({@code FILESHARE_STORAGE_S3_REGION}, default {@code us-east-1})
   * @param bucket the bucket, which must exist ({@code FILESHARE_STORAGE_S3_BUCKET}, required)
   * @param accessKey the access key id ({@code FILESHARE_STORAGE_S3_ACCESS_KEY}); when unset with
   *     the secret key, the AWS SDK's default credentials chain is used (environment, profile,
   *     container or instance role)
   * @param secretKey the secret access key ({@code FILESHARE_STORAGE_S3_SECRET_KEY})
   * @param pathStyle address the bucket as {@code endpoint/bucket} rather than {@code
   *     bucket.endpoint} ({@code FILESHARE_STORAGE_S3_PATH_STYLE}, default false); most MinIO and
   *     Ceph setups need it
   * @param partSize the size of each part of a multipart upload, and so the memory one upload holds
   *     ({@code FILESHARE_STORAGE_S3_PART_SIZE}, default 16MB, at least 5MB)
   * @param readTimeout how long the store may send nothing while the server waits for an answer or
   *     reads an object ({@code FILESHARE_STORAGE_S3_READ_TIMEOUT}, default 30s): a read that waits
   *     longer fails, and the request that needed it answers 503 or, mid-download, is cut off
   * @param requestTimeout how long one call to the store may take in all, retries included, until
   *     its answer begins ({@code FILESHARE_STORAGE_S3_REQUEST_TIMEOUT}, default 2m): it bounds
   *     sending a part to a store that stopped reading it, so it must be longer than sending one
   *     part takes on the slowest link to the store
   */
  public record S3(
      @Nullable URI endpoint,
      @DefaultValue("us-east-1") String region,
      @Nullable String bucket,
      @Nullable String accessKey,
      @Nullable String secretKey,
      @DefaultValue("false") boolean pathStyle,
      @DefaultValue("16MB") DataSize partSize,
      @DefaultValue("30s") Duration readTimeout,
      @DefaultValue("2m") Duration requestTimeout) {

    /** Never shows the secret key, so that settings can be logged. */
    @Override
    public String toString() {
      return "S3[endpoint="
          + endpoint
          + ", region="
          + region
          + ", bucket="
          + bucket
          + ", accessKey="
          + accessKey
          + ", secretKey="
          + (secretKey == null ? null : "***")
          + ", pathStyle="
          + pathStyle
          + ", partSize="
          + partSize
          + ", readTimeout="
          + readTimeout
          + ", requestTimeout="
          + requestTimeout
          + "]";
    }
  }
}
