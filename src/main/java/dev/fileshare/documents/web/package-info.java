/** Full-text search over HTTP: {@code GET /api/search/}. */
@NullMarked
package dev.fileshare.documents.web;

import org.jspecify.annotations.NullMarked;
