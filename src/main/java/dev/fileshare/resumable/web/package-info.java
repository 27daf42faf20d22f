/** The tus 1.0 protocol over HTTP at {@code /api/uploads/}. */
@NullMarked
package dev.fileshare.resumable.web;

import org.jspecify.annotations.NullMarked;
