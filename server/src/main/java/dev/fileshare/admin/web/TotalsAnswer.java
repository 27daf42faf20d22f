package dev.fileshare.admin.web;

import dev.fileshare.admin.Totals;
import java.util.List;

/**
 * What the server holds: accounts (disabled ones too), files (those in the trash too) and the bytes
 * of their content, versions and trash; and for each store (local, s3) the blobs of files and
 * versions it holds and their bytes.
 */
record TotalsAnswer(long users, long files, long bytes, List<StoreAnswer> stores) {

  /** What one store holds: the blobs of files and of their versions, and their bytes. */
  record StoreAnswer(String store, long blobs, long bytes) {}

  static TotalsAnswer of(Totals totals) {
    return new TotalsAnswer(
        totals.users(),
        totals.files(),
        totals.bytes(),
        totals.stores().stream()
            .map(stored -> new StoreAnswer(stored.store(), stored.blobs(), stored.bytes()))
            .toList());
  }
}
