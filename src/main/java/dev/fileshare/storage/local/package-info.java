/**
 * The default {@link dev.fileshare.storage.BlobStore}: one file per blob under a local directory.
 */
package dev.fileshare.storage.local;
