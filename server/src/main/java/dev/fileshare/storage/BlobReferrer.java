package dev.fileshare.storage;

/**
 * A module that keeps blob keys in tables of its own, besides the files table. Before a blob that
 * no file refers to is swept as an orphan, every bean of this type is asked whether it still holds
 * it.
 */
public interface BlobReferrer {

  /** Whether the blob under {@code key} in the store named {@code store} is still in use here. */
  boolean references(String store, String key);
}
