/** Signing in and out, and the caller's API keys, through the JSON API. */
@org.jspecify.annotations.NullMarked
package dev.fileshare.auth.web;
