/**
 * Content checks: what a stored document really is, decided from its bytes, never from the client.
 */
package dev.fileshare.inspection;
