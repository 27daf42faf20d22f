/** A {@link dev.fileshare.storage.BlobStore} in a bucket of an S3-compatible object store. */
package dev.fileshare.storage.s3;
