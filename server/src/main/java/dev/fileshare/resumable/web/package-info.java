/**
 * The tus 1.0 protocol over HTTP: the signed-in user's uploads at {@code /api/uploads/}, and {@link
 * dev.fileshare.resumable.web.TusEndpoint} for other modules' uploaders.
 */
@org.springframework.modulith.NamedInterface("web")
@NullMarked
package dev.fileshare.resumable.web;

import org.jspecify.annotations.NullMarked;
