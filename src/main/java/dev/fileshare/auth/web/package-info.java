/** Signing in and out through the JSON API. */
@org.jspecify.annotations.NullMarked
package dev.fileshare.auth.web;
