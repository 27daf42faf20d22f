package dev.fileshare.admin;

/**
 * What the whole server holds.
 *
 * @param users accounts, disabled ones too
 * @param files files, those in the trash too
 * @param bytes the bytes of their current content, versions and trash
 */
public record Totals(
    long users,
    long files,
    long bytes,
    java.util.List<dev.fileshare.files.StoreTotalRows.Stored> stores) {}
