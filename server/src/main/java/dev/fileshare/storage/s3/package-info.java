/** A {@link dev.fileshare.storage.BlobStore} in a bucket of an S3-compatible object store. */
@NullMarked
package dev.fileshare.storage.s3;

import org.jspecify.annotations.NullMarked;
