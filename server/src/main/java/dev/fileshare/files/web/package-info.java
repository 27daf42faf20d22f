/**
 * The original API's file endpoints over HTTP; publishes a file's JSON ({@link
 * dev.fileshare.files.web.FileAnswer}) and links ({@link dev.fileshare.files.web.FileUrlBuilder}).
 */
@org.springframework.modulith.NamedInterface("web")
@org.jspecify.annotations.NullMarked
package dev.fileshare.files.web;
