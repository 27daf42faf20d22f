/** Blob storage: the {@link dev.fileshare.storage.BlobStore} contract and its implementations. */
package dev.fileshare.storage;
