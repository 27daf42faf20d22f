package dev.fileshare.storage.local;

import dev.fileshare.platform.FileShareSettings;
import dev.fileshare.storage.NamedBlobStore;
import dev.fileshare.storage.StorageSettings;
import dev.fileshare.storage.internal.HashingThreads;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The local-disk store. Every node has it, whatever {@code fileshare.storage.type} says: it costs a
 * directory, and it lets a node serve files that are still on disk while they move to another store
 * (or back). With several nodes, its root must be a directory they all share.
 */
@Configuration(proxyBeanMethods = false)
@Import(HashingThreads.class)
class LocalStorageConfiguration {

  @Bean
  NamedBlobStore localBlobStore(
      FileShareSettings fileShare, StorageSettings storage, HashingThreads hashing)
      throws IOException {
    var root = storage.local().root();
    return new NamedBlobStore(
        StorageSettings.Type.LOCAL.id(),
        new LocalBlobStore(root != null ? root : fileShare.dataDir().resolve("blobs"), hashing));
  }
}
