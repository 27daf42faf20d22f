package dev.fileshare.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.platform.FileShareSettings;
import dev.fileshare.storage.BlobStore;
import dev.fileshare.storage.BlobStoreRegistry;
import dev.fileshare.storage.StorageConfigurations;
import dev.fileshare.storage.StorageSettings;
import dev.fileshare.storage.local.LocalStorageConfigurations;
import dev.fileshare.support.S3TestServer;
import dev.fileshare.support.TestPeers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

class S3StorageConfigurationTests {

  @TempDir static Path dataDir;

  final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(
              Settings.class,
              S3StorageConfiguration.class,
              LocalStorageConfigurations.LOCAL,
              StorageConfigurations.STORES)
          .withPropertyValues("fileshare.data-dir=" + dataDir);

  /** The application as configured through environment variables, as in a container. */
  ApplicationContextRunner withEnvironment(Map<String, String> variables) {
    var all = new HashMap<String, Object>(variables);
    all.putIfAbsent("FILESHARE_STORAGE_TYPE", "s3");
    all.putIfAbsent("FILESHARE_STORAGE_S3_ENDPOINT", S3TestServer.endpoint().toString());
    all.putIfAbsent("FILESHARE_STORAGE_S3_ACCESS_KEY", S3TestServer.ACCESS_KEY);
    all.putIfAbsent("FILESHARE_STORAGE_S3_SECRET_KEY", S3TestServer.SECRET_KEY);
    all.putIfAbsent("FILESHARE_STORAGE_S3_PATH_STYLE", "true");
    return context.withInitializer(
        app ->
            app.getEnvironment()
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", all)));
  }

  @Test
  void usesTheBucketNamedByTheEnvironment() {
    var bucket = S3TestServer.newBucket();
    withEnvironment(
            Map.of(
                "FILESHARE_STORAGE_S3_BUCKET", bucket,
                "FILESHARE_STORAGE_S3_REGION", "eu-central-1",
                "FILESHARE_STORAGE_S3_PART_SIZE", "8MB"))
        .run(
            app -> {
              assertThat(app).hasNotFailed();
              assertThat(app.getBean(BlobStore.class)).hasToString("S3BlobStore[" + bucket + "]");
              var s3 = app.getBean(StorageSettings.class).s3();
              assertThat(s3.endpoint()).isEqualTo(S3TestServer.endpoint());
              assertThat(s3.region()).isEqualTo("eu-central-1");
              assertThat(s3.accessKey()).isEqualTo(S3TestServer.ACCESS_KEY);
              assertThat(s3.secretKey()).isEqualTo(S3TestServer.SECRET_KEY);
              assertThat(s3.pathStyle()).isTrue();
              assertThat(s3.partSize()).isEqualTo(DataSize.ofMegabytes(8));
              assertThat(s3.toString()).doesNotContain(S3TestServer.SECRET_KEY);
            });
  }

  @Test
  void defaultsToUsEast1VirtualHostedAnd16MbParts() {
    new ApplicationContextRunner()
        .withUserConfiguration(Settings.class)
        .withPropertyValues("fileshare.storage.s3.bucket=files")
        .run(
            app -> {
              var s3 = app.getBean(StorageSettings.class).s3();
              assertThat(s3.region()).isEqualTo("us-east-1");
              assertThat(s3.pathStyle()).isFalse();
              assertThat(s3.partSize()).isEqualTo(DataSize.ofMegabytes(16));
              assertThat(s3.readTimeout()).isEqualTo(Duration.ofSeconds(30));
              assertThat(s3.requestTimeout()).isEqualTo(Duration.ofMinutes(2));
            });
  }

  @Test
  void withoutTheTypeOrABucketANodeHasOnlyTheLocalStore() {
    context.run(
        app -> {
          assertThat(app).hasNotFailed();
          assertThat(app.getBean(BlobStoreRegistry.class).all()).containsOnlyKeys("local");
        });
  }

  @Test
  void aBucketBesideTheLocalTypeIsASecondStoreToReadFrom() {
    var bucket = S3TestServer.newBucket();
    withEnvironment(
            Map.of("FILESHARE_STORAGE_TYPE", "local", "FILESHARE_STORAGE_S3_BUCKET", bucket))
        .run(
            app -> {
              assertThat(app).hasNotFailed();
              var stores = app.getBean(BlobStoreRegistry.class);
              assertThat(stores.currentName()).isEqualTo("local");
              assertThat(stores.all()).containsOnlyKeys("local", "s3");
              assertThat(stores.get("s3")).hasToString("S3BlobStore[" + bucket + "]");
              assertThat(app.getBean(BlobStore.class)).isSameAs(stores.get("local"));
            });
  }

  @Test
  void refusesToStartWithoutABucket() {
    withEnvironment(Map.of())
        .run(
            app ->
                assertThat(startupError(app))
                    .hasMessageContaining("(FILESHARE_STORAGE_S3_BUCKET) must be set"));
  }

  @Test
  void refusesToStartWhenTheBucketDoesNotExist() {
    withEnvironment(Map.of("FILESHARE_STORAGE_S3_BUCKET", "no-such-bucket"))
        .run(
            app ->
                assertThat(startupError(app))
                    .hasMessageContaining("S3 bucket 'no-such-bucket'")
                    .hasMessageContaining("does not exist"));
  }

  @Test
  void refusesToStartWithWrongCredentials() {
    withEnvironment(
            Map.of(
                "FILESHARE_STORAGE_S3_BUCKET",
                S3TestServer.newBucket(),
                "FILESHARE_STORAGE_S3_SECRET_KEY",
                "wrong"))
        .run(
            app -> assertThat(startupError(app)).hasMessageContaining("refuses these credentials"));
  }

  @Test
  void refusesToStartWhenTheEndpointCannotBeReached() {
    withEnvironment(
            Map.of(
                "FILESHARE_STORAGE_S3_BUCKET",
                "files",
                "FILESHARE_STORAGE_S3_ENDPOINT",
                "http://127.0.0.1:" + TestPeers.freePort()))
        .run(
            app ->
                assertThat(startupError(app))
                    .hasMessageContaining("cannot be used")
                    .hasMessageContaining("Connection refused"));
  }

  @Test
  void refusesPartsSmallerThanS3Accepts() {
    withEnvironment(
            Map.of("FILESHARE_STORAGE_S3_BUCKET", "files", "FILESHARE_STORAGE_S3_PART_SIZE", "4MB"))
        .run(
            app ->
                assertThat(startupError(app))
                    .hasMessageContaining("part-size must be between 5MB and 512MB"));
  }

  @Test
  void refusesATimeoutOfZero() {
    withEnvironment(
            Map.of(
                "FILESHARE_STORAGE_S3_BUCKET", "files", "FILESHARE_STORAGE_S3_READ_TIMEOUT", "0s"))
        .run(
            app ->
                assertThat(startupError(app))
                    .hasMessageContaining("read-timeout and request-timeout must be positive"));
  }

  @Test
  void refusesAnAccessKeyWithoutASecretKey() {
    context
        .withPropertyValues(
            "fileshare.storage.type=s3",
            "fileshare.storage.s3.bucket=files",
            "fileshare.storage.s3.access-key=someone")
        .run(
            app ->
                assertThat(startupError(app))
                    .hasMessageContaining(
                        "Set both fileshare.storage.s3.access-key and secret-key"));
  }

  /** What the server would say when it refuses to start: the message of our own exception. */
  static Throwable startupError(AssertableApplicationContext app) {
    assertThat(app).hasFailed();
    for (Throwable e = app.getStartupFailure(); e != null; e = e.getCause()) {
      if (e instanceof IllegalStateException) {
        return e;
      }
    }
    throw new AssertionError("No IllegalStateException in " + app.getStartupFailure());
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties({FileShareSettings.class, StorageSettings.class})
  static class Settings {}
}
