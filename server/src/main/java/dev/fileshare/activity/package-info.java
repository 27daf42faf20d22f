/**
 * Each user's activity feed: what happened to their files and links, recorded from the files' and
 * links' events, read newest first, and removed after a retention period.
 */
@org.jspecify.annotations.NullMarked
package dev.fileshare.activity;
