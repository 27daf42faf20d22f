/**
 * The installation as a whole, one command each: backup, restore and verify-backup of a single-node
 * installation (SQLite and blobs on local disk), and migrate-database, which moves the metadata to
 * the other kind of database.
 */
@org.jspecify.annotations.NullMarked
package dev.fileshare.backup;
