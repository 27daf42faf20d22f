/**
 * Content checks: what a stored document really is, decided from its bytes, never from the client.
 */
@NullMarked
package dev.fileshare.inspection;

import org.jspecify.annotations.NullMarked;
