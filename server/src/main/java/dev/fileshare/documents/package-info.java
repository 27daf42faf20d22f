/**
 * What is inside each stored document: its metadata, the text of its pages for full-text search,
 * and previews, read by a background job after the upload.
 */
@NullMarked
package dev.fileshare.documents;

import org.jspecify.annotations.NullMarked;
