/** Links that give a file to people without an account: expiry, password, limit, access log. */
@org.jspecify.annotations.NullMarked
package dev.fileshare.sharing;
