package dev.fileshare.files;

import java.util.List;
import java.util.Map;

/**
 * Where the bytes of files are, for moving them from one store to another: a table of the files
 * module seen only as blob locations, the files' current content or their earlier versions (one
 * bean each). Owner, name, visibility and timestamps are never read or changed, so a moved file or
 * version looks the same to every client (same ETag, same Last-Modified).
 */
public interface FileLocations {

  /** What the rows are, for the log: {@code file} or {@code version}. */
  String kind();

  /** Where a row's bytes are, and what they must be; {@code id} is the row's. */
  record Located(long id, String store, String blobKey, long size, String sha256) {}

  /** The next rows in a store, by id, after {@code afterId} and up to {@code lastId}. */
  List<Located> inStore(String store, long afterId, long lastId, int limit);

  /** The highest row id so far; rows added later have higher ids. */
  long lastId();

  /** How many rows each store holds the bytes of; a store that holds none is left out. */
  Map<String, Long> countByStore();

  /**
   * Points the row at its copy, if it still points at the blob that was copied: a file replaced,
   * restored or deleted meanwhile (or a version restored or removed) is left as it is. One
   * statement, so readers see the old place or the new.
   */
  boolean move(long id, String fromStore, String fromKey, String toStore, String toKey);

  /**
   * Whether a file or a version refers to the blob under that key in that store. Blob keys are
   * unique, so for a blob that was {@link Located} this says whether something still points at it.
   */
  boolean references(String store, String blobKey);
}
