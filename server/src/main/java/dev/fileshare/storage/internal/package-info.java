/** Parts shared by the blob stores: hashing content on another thread while it is stored. */
@org.jspecify.annotations.NullMarked
package dev.fileshare.storage.internal;
