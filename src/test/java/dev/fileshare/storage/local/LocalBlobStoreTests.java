package dev.fileshare.storage.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.storage.BlobStore;
import dev.fileshare.storage.BlobStoreContractTests;
import dev.fileshare.storage.TestContent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBlobStoreTests extends BlobStoreContractTests {

  @TempDir Path dataDir;

  Path root() {
    return dataDir.resolve("blobs");
  }

  @Override
  protected BlobStore createStore() throws IOException {
    return new LocalBlobStore(root());
  }

  @Override
  protected long partialUploads() throws IOException {
    try (var files = Files.list(root().resolve("tmp"))) {
      return files.count();
    }
  }

  @Test
  void keepsEachBlobInADirectoryNamedAfterItsKey() throws IOException {
    var key = blobs.store(TestContent.generated(10, 1), 10).key();

    assertThat(key).matches("[0-9a-f]{32}");
    assertThat(root().resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key))
        .isRegularFile()
        .hasSize(10);
  }

  @Test
  void namesTheFileThatHoldsABlobForSendfile() throws IOException {
    var content = TestContent.generated(1000, 7).readAllBytes();
    var key = blobs.store(new java.io.ByteArrayInputStream(content), 1000).key();

    var name = blobs.sendfileName(key).orElseThrow();
    assertThat(Path.of(name)).isAbsolute().hasBinaryContent(content);
    blobs.delete(key);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> blobs.sendfileName(key))
        .isInstanceOf(dev.fileshare.storage.BlobNotFoundException.class);
  }

  @Test
  void sweepRemovesOnlyAbandonedUploads() throws IOException {
    var now = Instant.now();
    var abandoned = Files.createFile(root().resolve("tmp").resolve("abandoned.part"));
    Files.setLastModifiedTime(abandoned, FileTime.from(now.minus(Duration.ofHours(2))));
    var running = Files.createFile(root().resolve("tmp").resolve("running.part"));

    var older = new ArrayList<String>();
    blobs.sweep(now.minus(Duration.ofHours(1)), older::add);

    assertThat(abandoned).doesNotExist();
    assertThat(running).exists();
    assertThat(older).isEmpty();
  }

  @Test
  void sweepIgnoresFilesThatAreNotBlobs() throws IOException {
    var key = blobs.store(TestContent.generated(10, 1), 10).key();
    var shard = root().resolve(key.substring(0, 2)).resolve(key.substring(2, 4));
    Files.writeString(shard.resolve("notes.txt"), "not a blob");
    Files.writeString(root().resolve("README"), "not a blob");
    var old = FileTime.from(Instant.now().minus(Duration.ofDays(1)));
    Files.setLastModifiedTime(shard.resolve(key), old);

    var older = new ArrayList<String>();
    blobs.sweep(Instant.now().minus(Duration.ofHours(1)), older::add);

    assertThat(older).containsExactly(key);
    assertThat(shard.resolve("notes.txt")).exists();
  }

  @Test
  void createsItsDirectoriesWhereverTheyAreMissing() throws IOException {
    var nested = dataDir.resolve("a/b/c");

    var store = new LocalBlobStore(nested);
    var key = store.store(TestContent.generated(5, 1), 5).key();

    assertThat(store.size(key)).isEqualTo(5);
    assertThat(nested.resolve("tmp")).isDirectory();
  }
}
