package dev.fileshare.requests;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A file request, as its owner sees it.
 *
 * @param id the request's id
 * @param token the secret in the request's address
 * @param title what the owner asks for
 * @param instructions what uploaders are told
 * @param expires when it stops taking files; null: never
 * @param hasPassword whether uploaders must give a password
 * @param maxFiles how many files it takes in all; null: no limit
 * @param maxFileSize the largest file it takes, in bytes; null: the server's limit
 * @param requireName whether uploaders must give their name
 * @param requireEmail whether uploaders must give their email address
 * @param notifyOwner whether the owner is mailed about new uploads
 * @param closed whether the owner closed it
 * @param received how many files it received
 * @param created when it was made
 * @param updated when it was last changed
 * @param recipients who may upload, addresses and {@code *@domain}s; empty: anyone with the link
 */
public record FileRequest(
    long id,
    String token,
    String title,
    String instructions,
    @Nullable Instant expires,
    boolean hasPassword,
    @Nullable Long maxFiles,
    @Nullable Long maxFileSize,
    boolean requireName,
    boolean requireEmail,
    boolean notifyOwner,
    boolean closed,
    long received,
    Instant created,
    Instant updated,
    List<String> recipients) {

  static FileRequest of(RequestRow row) {
    return new FileRequest(
        row.id(),
        row.token(),
        row.title(),
        row.instructions(),
        row.expiresAt() == null ? null : Instant.ofEpochMilli(row.expiresAt()),
        row.hasPassword(),
        row.maxFiles(),
        row.maxFileSize(),
        row.requireName(),
        row.requireEmail(),
        row.notifyOwner(),
        row.closed(),
        row.received(),
        Instant.ofEpochMilli(row.createdAt()),
        Instant.ofEpochMilli(row.updatedAt()),
        row.recipients().patterns());
  }

  /**
   * Files arrived through a request whose owner asked to be told: one event (one mail) for all the
   * files gathered since the last one.
   *
   * @param ownerEmail where the owner's mail goes
   * @param ownerName the owner's username
   * @param requestId the request's id, for the link to its files
   * @param title the request's title
   * @param files the files, oldest first
   */
  public record UploadsReceived(
      String ownerEmail, String ownerName, long requestId, String title, List<Receipt> files) {}
}
