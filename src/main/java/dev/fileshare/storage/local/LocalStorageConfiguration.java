package dev.fileshare.storage.local;

import dev.fileshare.platform.FileShareSettings;
import dev.fileshare.storage.BlobStore;
import dev.fileshare.storage.StorageSettings;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The local-disk store, chosen by {@code fileshare.storage.type=local} (the default). Each other
 * implementation brings its own configuration, conditional on its own type.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
    name = "fileshare.storage.type",
    havingValue = "local",
    matchIfMissing = true)
class LocalStorageConfiguration {

  @Bean
  BlobStore blobStore(FileShareSettings fileShare, StorageSettings storage) throws IOException {
    var root = storage.local().root();
    return new LocalBlobStore(root != null ? root : fileShare.dataDir().resolve("blobs"));
  }
}
