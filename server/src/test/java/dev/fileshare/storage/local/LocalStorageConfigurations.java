package dev.fileshare.storage.local;

/** The local store's configuration class, for tests that start a part of the application. */
public final class LocalStorageConfigurations {

  /** Sets up the local store, which every node has. */
  public static final Class<?> LOCAL = LocalStorageConfiguration.class;

  private LocalStorageConfigurations() {}
}
