package dev.fileshare.storage.s3;

import dev.fileshare.storage.NamedBlobStore;
import dev.fileshare.storage.StorageSettings;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The S3 store, set up when {@code fileshare.storage.type=s3} (new blobs go there) or when a bucket
 * is configured (so the node can read files in S3 while they move to or from it). The server
 * refuses to start when the settings are incomplete or the bucket cannot be reached, rather than
 * failing on the first upload.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(S3StorageConfiguration.Wanted.class)
class S3StorageConfiguration {

  /** The type is {@code s3}, or a bucket is set. */
  static class Wanted extends AnyNestedCondition {

    Wanted() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnProperty(name = "fileshare.storage.type", havingValue = "s3")
    static class Chosen {}

    @ConditionalOnProperty(name = "fileshare.storage.s3.bucket")
    static class BucketSet {}
  }

  private static final Logger log = LoggerFactory.getLogger(S3StorageConfiguration.class);

  static final DataSize MIN_PART_SIZE = DataSize.ofMegabytes(5);
  static final DataSize MAX_PART_SIZE = DataSize.ofMegabytes(512);

  @Bean
  S3Client s3Client(StorageSettings storage) {
    return client(checked(storage.s3()));
  }

  @Bean
  NamedBlobStore s3BlobStore(S3Client client, StorageSettings storage) {
    var s3 = checked(storage.s3());
    checkBucket(client, s3);
    log.info("Blobs can be kept in {}", describe(s3));
    return new NamedBlobStore(
        StorageSettings.Type.S3.id(),
        new S3BlobStore(client, s3.bucket(), (int) s3.partSize().toBytes()));
  }

  /**
   * A client for the settings. Checksums are sent and checked only where S3 requires them: many
   * S3-compatible stores do not understand the trailing checksums that the SDK sends by default,
   * and every blob's SHA-256 is computed and kept by the application anyway. A store that stalls
   * (keeps the connection open and sends nothing) fails a read after the read timeout; one that
   * stops reading what is sent fails the call after the request timeout, which the socket's read
   * timeout alone would never do.
   */
  static S3Client client(StorageSettings.S3 s3) {
    return builder(s3).build();
  }

  static S3ClientBuilder builder(StorageSettings.S3 s3) {
    var builder =
        S3Client.builder()
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(10))
                    .socketTimeout(s3.readTimeout()))
            .overrideConfiguration(calls -> calls.apiCallTimeout(s3.requestTimeout()))
            .region(Region.of(s3.region()))
            .credentialsProvider(credentials(s3))
            .forcePathStyle(s3.pathStyle())
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    if (s3.endpoint() != null) {
      builder.endpointOverride(s3.endpoint());
    }
    return builder;
  }

  private static AwsCredentialsProvider credentials(StorageSettings.S3 s3) {
    if (StringUtils.hasText(s3.accessKey())) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()));
    }
    return DefaultCredentialsProvider.builder().build();
  }

  /** The settings, if they are complete; otherwise a message that says what to set. */
  static StorageSettings.S3 checked(StorageSettings.S3 s3) {
    if (!StringUtils.hasText(s3.bucket())) {
      throw new IllegalStateException(
          "fileshare.storage.s3.bucket (FILESHARE_STORAGE_S3_BUCKET) must be set"
              + " when fileshare.storage.type is s3");
    }
    if (StringUtils.hasText(s3.accessKey()) != StringUtils.hasText(s3.secretKey())) {
      throw new IllegalStateException(
          "Set both fileshare.storage.s3.access-key and secret-key"
              + " (FILESHARE_STORAGE_S3_ACCESS_KEY, _SECRET_KEY), or neither to use the AWS"
              + " default credentials chain");
    }
    if (s3.partSize().compareTo(MIN_PART_SIZE) < 0 || s3.partSize().compareTo(MAX_PART_SIZE) > 0) {
      throw new IllegalStateException(
          "fileshare.storage.s3.part-size must be between 5MB and 512MB, not " + s3.partSize());
    }
    for (var timeout : List.of(s3.readTimeout(), s3.requestTimeout())) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalStateException(
            "fileshare.storage.s3.read-timeout and request-timeout must be positive, not "
                + timeout);
      }
    }
    return s3;
  }

  private static String describe(StorageSettings.S3 s3) {
    return "S3 bucket '"
        + s3.bucket()
        + "' (endpoint "
        + (s3.endpoint() != null ? s3.endpoint() : "AWS")
        + ", region "
        + s3.region()
        + ")";
  }

  /** Fails with a message that says what is wrong when the bucket cannot be used. */
  static void checkBucket(S3Client client, StorageSettings.S3 s3) {
    var where = describe(s3);
    try {
      client.headBucket(head -> head.bucket(s3.bucket()));
    } catch (S3Exception e) {
      throw new IllegalStateException(
          switch (e.statusCode()) {
            case 404 -> where + " does not exist; create it first";
            case 403 -> where + " refuses these credentials (HTTP 403)";
            case 301, 400 ->
                where
                    + " is not in this region, or the endpoint or path-style setting"
                    + " is wrong (HTTP "
                    + e.statusCode()
                    + ")";
            default -> where + " cannot be used: HTTP " + e.statusCode() + " " + e.getMessage();
          },
          e);
    } catch (SdkException e) {
      // the endpoint cannot be reached, or no credentials were found: the SDK's message says which
      throw new IllegalStateException(where + " cannot be used: " + e.getMessage(), e);
    }
  }
}
