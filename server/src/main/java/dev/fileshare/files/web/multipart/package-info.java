/** Reading {@code multipart/form-data} upload bodies as streams, part by part. */
@org.jspecify.annotations.NullMarked
package dev.fileshare.files.web.multipart;
