package dev.fileshare.storage;

/** The storage module's configuration classes, for tests that start a part of the application. */
public final class StorageConfigurations {

  /** Gathers the configured stores into {@link BlobStoreRegistry} and offers the current one. */
  public static final Class<?> STORES = StorageConfiguration.class;

  private StorageConfigurations() {}
}
