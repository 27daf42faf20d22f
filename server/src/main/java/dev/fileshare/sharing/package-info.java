/** Links for people without an account: expiry, password, limit, named recipients, access log. */
@org.jspecify.annotations.NullMarked
package dev.fileshare.sharing;
