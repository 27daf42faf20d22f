/**
 * Writing a file's bytes to a download: conditional requests, ranges and safe headers. Published so
 * that other ways to a file (links) answer downloads exactly as the files endpoints do.
 */
@org.springframework.modulith.NamedInterface("download")
@org.jspecify.annotations.NullMarked
package dev.fileshare.files.web.download;
