/**
 * The endpoints of the documents module: previews of a file's first page and full-text search
 * ({@code GET /api/search/}).
 */
@NullMarked
package dev.fileshare.documents.web;

import org.jspecify.annotations.NullMarked;
