package dev.fileshare.sharing;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A link to one file, as its owner sees it.
 *
 * @param id the link's id
 * @param file the file's id
 * @param token the secret in the link's address
 * @param label the owner's name for it
 * @param expires when it stops working; null: never
 * @param hasPassword whether it asks for a password
 * @param maxDownloads how many downloads it allows; null: no limit
 * @param downloads the downloads counted so far
 * @param notifyFirstDownload whether the owner is mailed at the first download
 * @param recipients the addresses and {@code *@domain} patterns that may open it; empty: anyone
 * @param mode whether it gives out the file or only pages to read
 * @param watermark whether each copy it serves is stamped with whom it went to and when
 * @param created when it was made
 * @param updated when it was last changed
 */
public record ShareLink(
    long id,
    long file,
    String token,
    String label,
    @Nullable Instant expires,
    boolean hasPassword,
    @Nullable Long maxDownloads,
    long downloads,
    boolean notifyFirstDownload,
    List<String> recipients,
    LinkMode mode,
    boolean watermark,
    Instant created,
    Instant updated) {

  static ShareLink of(LinkRow row) {
    return new ShareLink(
        row.id(),
        row.fileId(),
        row.token(),
        row.label(),
        row.expiresAt() == null ? null : Instant.ofEpochMilli(row.expiresAt()),
        row.hasPassword(),
        row.maxDownloads(),
        row.downloads(),
        row.notifyFirstDownload(),
        row.recipients().patterns(),
        row.mode(),
        row.watermark(),
        Instant.ofEpochMilli(row.createdAt()),
        Instant.ofEpochMilli(row.updatedAt()));
  }

  /**
   * A link was downloaded for the first time and its owner asked to be told.
   *
   * @param ownerEmail where the owner's mail goes
   * @param ownerName the owner's username
   * @param fileName the file's name
   * @param label the link's label (may be empty)
   * @param fileId the file's id, for the link to it in the web page
   * @param at when the download started
   */
  public record FirstDownload(
      String ownerEmail,
      String ownerName,
      String fileName,
      String label,
      long fileId,
      Instant at) {}

  /**
   * The owner mailed a link to people. Never carries the link's password.
   *
   * @param recipients the addresses
   * @param sender the owner's username
   * @param fileName the file's name
   * @param size the file's size in bytes
   * @param token the link's token
   * @param expires when the link stops working, or null
   * @param hasPassword whether the recipients need a password they get some other way
   * @param message the owner's words, or empty
   */
  public record Mailed(
      List<String> recipients,
      String sender,
      String fileName,
      long size,
      String token,
      @Nullable Instant expires,
      boolean hasPassword,
      String message) {}
}
