package dev.fileshare.storage;

import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gathers the stores that each implementation's configuration set up, and offers the current one as
 * the {@link BlobStore}.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

  @Bean
  BlobStoreRegistry blobStores(List<NamedBlobStore> stores, StorageSettings settings) {
    var byName = new LinkedHashMap<String, BlobStore>();
    for (var store : stores) {
      if (byName.put(store.name(), store.store()) != null) {
        throw new IllegalStateException("Two stores are named " + store.name());
      }
    }
    return new BlobStoreRegistry(settings.type().id(), byName);
  }

  /** The store new blobs go to. */
  @Bean
  BlobStore blobStore(BlobStoreRegistry stores) {
    return stores.current();
  }
}
