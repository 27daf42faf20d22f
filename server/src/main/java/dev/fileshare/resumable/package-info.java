/** Resumable uploads (tus 1.0): files sent in pieces that survive a restart, then made a file. */
@NullMarked
package dev.fileshare.resumable;

import org.jspecify.annotations.NullMarked;
