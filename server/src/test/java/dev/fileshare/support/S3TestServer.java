package dev.fileshare.support;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3 API for tests, started once per test JVM: S3Proxy in this process on a free port of
 * 127.0.0.1, keeping objects in memory (jclouds' {@code transient} store), with path-style access
 * and signed requests. Each caller creates a bucket of its own.
 */
public final class S3TestServer {

  public static final String ACCESS_KEY = "fileshare-test";
  public static final String SECRET_KEY = "fileshare-test-secret";

  private static final AtomicInteger buckets = new AtomicInteger();
  private static S3Proxy proxy;
  private static BlobStore backend;

  private S3TestServer() {}

  /** The server's address, e.g. {@code http://127.0.0.1:41234}. */
  public static synchronized URI endpoint() {
    if (proxy == null) {
      start();
    }
    return URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  /** Creates a new, empty bucket and returns its name. */
  public static String newBucket() {
    endpoint();
    var name = "fileshare-" + ProcessHandle.current().pid() + "-" + buckets.incrementAndGet();
    backend.createContainerInLocation(null, name);
    return name;
  }

  /** The keys of the objects in a bucket, listed through the S3 API. */
  public static Set<String> objectKeys(String bucket) {
    try (var client = client()) {
      return client.listObjectsV2Paginator(list -> list.bucket(bucket)).contents().stream()
          .map(S3Object::key)
          .collect(Collectors.toSet());
    }
  }

  /** How many multipart uploads were started in a bucket and neither completed nor aborted. */
  public static int unfinishedUploads(String bucket) {
    try (var client = client()) {
      return (int)
          client.listMultipartUploadsPaginator(list -> list.bucket(bucket)).uploads().stream()
              .count();
    }
  }

  private static S3Client client() {
    return S3Client.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .build();
  }

  private static void start() {
    backend =
        ContextBuilder.newBuilder("transient")
            .credentials("identity", "credential")
            .build(BlobStoreContext.class)
            .getBlobStore();
    proxy =
        S3Proxy.builder()
            .blobStore(backend)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .build();
    try {
      proxy.start();
      while (!"STARTED".equals(proxy.getState())) {
        Thread.sleep(10);
      }
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not start", e);
    }
  }
}
