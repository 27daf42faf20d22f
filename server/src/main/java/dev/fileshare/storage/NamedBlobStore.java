package dev.fileshare.storage;

/**
 * A configured store and its name ({@link StorageSettings.Type#id()}), as each implementation's
 * configuration contributes it to {@link BlobStoreRegistry}.
 */
public record NamedBlobStore(String name, BlobStore store) {}
