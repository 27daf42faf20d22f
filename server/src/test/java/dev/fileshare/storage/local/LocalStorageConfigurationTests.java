package dev.fileshare.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.platform.FileShareSettings;
import dev.fileshare.storage.BlobStore;
import dev.fileshare.storage.StorageConfigurations;
import dev.fileshare.storage.StorageSettings;
import dev.fileshare.storage.TestContent;
import dev.fileshare.storage.internal.HashingThreads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class LocalStorageConfigurationTests {

  @TempDir Path dataDir;

  final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(
              Settings.class, LocalStorageConfiguration.class, StorageConfigurations.STORES);

  @Test
  void keepsBlobsUnderTheDataDirectoryByDefault() {
    context
        .withPropertyValues("fileshare.data-dir=" + dataDir)
        .run(
            app -> {
              assertThat(app).hasSingleBean(BlobStore.class);
              assertThat(app.getBean(BlobStore.class))
                  .hasToString("LocalBlobStore[" + dataDir.resolve("blobs") + "]");
              assertThat(dataDir.resolve("blobs/tmp")).isDirectory();
              var settings = app.getBean(StorageSettings.class);
              assertThat(settings.type()).isEqualTo(StorageSettings.Type.LOCAL);
              assertThat(settings.sweepGrace()).isEqualTo(Duration.ofHours(1));
            });
  }

  @Test
  void keepsBlobsWhereTheRootSays() {
    var root = dataDir.resolve("elsewhere");
    context
        .withPropertyValues(
            "fileshare.data-dir=" + dataDir,
            "fileshare.storage.type=local",
            "fileshare.storage.local.root=" + root,
            "fileshare.storage.sweep-grace=2h")
        .run(
            app -> {
              assertThat(app.getBean(BlobStore.class)).hasToString("LocalBlobStore[" + root + "]");
              assertThat(app.getBean(StorageSettings.class).sweepGrace())
                  .isEqualTo(Duration.ofHours(2));
            });
  }

  @Test
  void hashesUploadsOnThreadsThatStopWithTheContext() {
    var hashing = new AtomicReference<HashingThreads>();
    context
        .withPropertyValues("fileshare.data-dir=" + dataDir)
        .run(
            app -> {
              hashing.set(app.getBean(HashingThreads.class));
              var blob = app.getBean(BlobStore.class).store(TestContent.generated(1000, 7), 1000);
              assertThat(blob.sha256())
                  .isEqualTo(TestContent.summarize(TestContent.generated(1000, 7)).sha256());
            });
    assertThatThrownBy(() -> hashing.get().execute(() -> {}))
        .isInstanceOf(RejectedExecutionException.class);
  }

  @Test
  void refusesToStartWithAnUnknownType() {
    context
        .withPropertyValues("fileshare.data-dir=" + dataDir, "fileshare.storage.type=floppy")
        .run(app -> assertThat(app).hasFailed());
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties({FileShareSettings.class, StorageSettings.class})
  static class Settings {}
}
