/** File requests: links through which people without an account upload files to the owner. */
@org.jspecify.annotations.NullMarked
package dev.fileshare.requests;
