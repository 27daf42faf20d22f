package dev.fileshare.shared;

/**
 * Marks a failure of something the server depends on (its blob store) that is expected to pass: a
 * request that meets one, anywhere in its causes, is answered 503 with {@code Retry-After}, not
 * 500, and nothing it was to write is acknowledged.
 */
public interface Unavailable {}
