/** Moving every file's bytes from one blob store to another while the server keeps serving them. */
@org.jspecify.annotations.NullMarked
package dev.fileshare.files.migration;
