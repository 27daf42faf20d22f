package dev.fileshare.files;

import java.time.Instant;

/**
 * A file in its owner's trash.
 *
 * @param file the file as it was when it went there
 * @param deleted when it went to the trash
 * @param purgeAt when it is removed for good unless restored before
 * @param versions how many earlier contents it keeps
 * @param stored the bytes it takes up: its content and its versions
 */
public record TrashedFile(
    FileView file, Instant deleted, Instant purgeAt, long versions, long stored) {}
