/** Moving every file's bytes from one blob store to another while the server keeps serving them. */
package dev.fileshare.files.migration;
