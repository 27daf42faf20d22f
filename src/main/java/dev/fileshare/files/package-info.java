/**
 * FileService: uploads kept safe on disk, listed, shared with signed-in users, replaced and
 * downloaded.
 */
package dev.fileshare.files;
