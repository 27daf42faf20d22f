package dev.fileshare.storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every store this node can read, by name, and the one new blobs go to. A file's row names the
 * store its blob is in, so a node serves files from several stores at once: that is what lets files
 * move from one store to another while the nodes keep serving them.
 *
 * <p>A node has the local store always (under {@code fileshare.storage.local.root}) and the S3
 * store whenever {@code fileshare.storage.s3.bucket} is set or {@code fileshare.storage.type} is
 * {@code s3}. New blobs go to {@code fileshare.storage.type}.
 */
public final class BlobStoreRegistry {

  private final String current;
  private final Map<String, BlobStore> stores;

  BlobStoreRegistry(String current, Map<String, BlobStore> stores) {
    if (!stores.containsKey(current)) {
      throw new IllegalStateException("The store new blobs go to, " + current + ", is not set up");
    }
    this.current = current;
    this.stores = Collections.unmodifiableMap(new LinkedHashMap<>(stores));
  }

  /** The name of the store new blobs go to. */
  public String currentName() {
    return current;
  }

  /** The store new blobs go to. */
  public BlobStore current() {
    return stores.get(current);
  }

  /**
   * The store of that name.
   *
   * @throws IllegalStateException if this node has no settings for it
   */
  public BlobStore get(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "A file is in the "
                        + name
                        + " store, which this node has no settings for: configure it"
                        + " (fileshare.storage."
                        + name
                        + ".*) on every node while files are in it"));
  }

  public Optional<BlobStore> find(String name) {
    return Optional.ofNullable(stores.get(name));
  }

  /** Every store this node can read, by name, the current one first. */
  public Map<String, BlobStore> all() {
    var all = new LinkedHashMap<String, BlobStore>();
    all.put(current, current());
    all.putAll(stores);
    return Collections.unmodifiableMap(all);
  }
}
