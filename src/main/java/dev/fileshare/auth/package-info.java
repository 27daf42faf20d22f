/** Sign-in tokens, the security configuration and rate limits. */
@org.jspecify.annotations.NullMarked
package dev.fileshare.auth;
