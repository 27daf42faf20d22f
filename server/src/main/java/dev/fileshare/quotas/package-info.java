/** What each user stores and may store: usage kept with every change, and quotas. */
@org.jspecify.annotations.NullMarked
package dev.fileshare.quotas;
