/** Sign-in tokens, API keys and their scopes, the security configuration and rate limits. */
@org.jspecify.annotations.NullMarked
package dev.fileshare.auth;
