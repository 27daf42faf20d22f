/** Blob storage: the {@link dev.fileshare.storage.BlobStore} contract and its implementations. */
@NullMarked
package dev.fileshare.storage;

import org.jspecify.annotations.NullMarked;
