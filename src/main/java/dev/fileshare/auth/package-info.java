/** Sign-in tokens, the security configuration and rate limits. */
package dev.fileshare.auth;
