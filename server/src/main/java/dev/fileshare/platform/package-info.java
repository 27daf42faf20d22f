/**
 * Cross-cutting infrastructure: settings, the data directory, the clock, errors as problems, HTTP
 * filters.
 */
@org.jspecify.annotations.NullMarked
package dev.fileshare.platform;
