/**
 * FileService: uploads kept safe on disk, listed, shared with signed-in users or with named people,
 * replaced and downloaded.
 */
@org.jspecify.annotations.NullMarked
package dev.fileshare.files;
