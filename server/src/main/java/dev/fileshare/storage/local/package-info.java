/**
 * The default {@link dev.fileshare.storage.BlobStore}: one file per blob under a local directory.
 */
@NullMarked
package dev.fileshare.storage.local;

import org.jspecify.annotations.NullMarked;
