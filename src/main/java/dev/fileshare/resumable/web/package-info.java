/** The tus 1.0 protocol over HTTP at {@code /api/uploads/}. */
package dev.fileshare.resumable.web;
