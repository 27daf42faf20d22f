/** Parts shared by the blob stores: hashing content on another thread while it is stored. */
package dev.fileshare.storage.internal;
