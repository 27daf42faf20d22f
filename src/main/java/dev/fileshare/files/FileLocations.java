package dev.fileshare.files;

import java.util.List;
import java.util.Map;

/**
 * Where each file's bytes are, for moving them from one store to another: the files table seen only
 * as blob locations. Owner, name, visibility and timestamps are never read or changed, so a moved
 * file looks the same to every client (same ETag, same Last-Modified).
 */
public interface FileLocations {

  /** Where a file's bytes are, and what they must be. */
  record Located(long id, String store, String blobKey, long size, String sha256) {}

  /** The next files in a store, by id, after {@code afterId} and up to {@code lastId}. */
  List<Located> inStore(String store, long afterId, long lastId, int limit);

  /** The highest file id so far; files uploaded later have higher ids. */
  long lastId();

  /** How many files each store holds; a store that holds none is left out. */
  Map<String, Long> countByStore();

  /**
   * Points the file at its copy, if it still points at the blob that was copied: a file replaced or
   * deleted meanwhile is left as it is. One statement, so readers see the old place or the new.
   */
  boolean move(long id, String fromStore, String fromKey, String toStore, String toKey);

  /**
   * Whether a file refers to the blob under that key in that store. Blob keys are unique, so for a
   * blob that was {@link Located} this says whether that file still points at it.
   */
  boolean references(String store, String blobKey);
}
