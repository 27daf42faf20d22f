package dev.fileshare.files;

import dev.fileshare.storage.BlobStore.StoredBlob;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Bytes that were stored completely but do not belong to a file yet. Closing it removes the blob,
 * unless a file took it over; so a failure at any step after storing leaves nothing behind.
 */
public final class StagedUpload implements AutoCloseable {

  private final String store;
  private final StoredBlob blob;
  private final @Nullable String clientName;
  private final Consumer<String> discard;
  private boolean claimed;
  private @Nullable String type;
  private @Nullable Reservation reservation;

  StagedUpload(
      String store, StoredBlob blob, @Nullable String clientName, Consumer<String> discard) {
    this.store = store;
    this.blob = blob;
    this.clientName = clientName;
    this.discard = discard;
  }

  /** The name of the store that holds the blob. */
  String store() {
    return store;
  }

  StoredBlob blob() {
    return blob;
  }

  /** The filename the client sent, not cleaned, if it sent one. */
  Optional<String> clientName() {
    return Optional.ofNullable(clientName);
  }

  /** The media type the check found, once the bytes were checked. */
  Optional<String> type() {
    return Optional.ofNullable(type);
  }

  void checked(String type) {
    this.type = type;
  }

  /** The size of the stored bytes. */
  public long size() {
    return blob.size();
  }

  /** The filename the file will have: the client's, cleaned, or a fallback. */
  public String fileName() {
    return clientName().map(FileNames::clean).orElse(FileNames.FALLBACK);
  }

  /**
   * Says that the bytes were set aside in the owner's quota when the upload was announced: the file
   * made of them releases the reservation in the transaction that counts them.
   */
  public void reservedBy(Reservation reservation) {
    this.reservation = reservation;
  }

  /** The reservation the bytes were counted under, if they were. */
  Optional<Reservation> reservation() {
    return Optional.ofNullable(reservation);
  }

  void claim() {
    claimed = true;
  }

  @Override
  public void close() {
    if (!claimed) {
      claimed = true;
      discard.accept(blob.key());
    }
  }
}
