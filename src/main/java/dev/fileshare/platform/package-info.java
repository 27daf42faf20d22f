/**
 * Cross-cutting infrastructure: settings, the data directory, the clock, errors as problems, HTTP
 * filters.
 */
package dev.fileshare.platform;
