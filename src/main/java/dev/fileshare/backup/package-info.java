/**
 * BackupWriter of a single-node installation (SQLite and blobs on local disk) as one command each:
 * backup, restore and verify-backup.
 */
@org.jspecify.annotations.NullMarked
package dev.fileshare.backup;
