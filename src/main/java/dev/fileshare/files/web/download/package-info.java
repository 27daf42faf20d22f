/** Writing a file's bytes to a download: conditional requests, ranges and safe headers. */
@org.jspecify.annotations.NullMarked
package dev.fileshare.files.web.download;
