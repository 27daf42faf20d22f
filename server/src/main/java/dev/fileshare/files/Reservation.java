package dev.fileshare.files;

/**
 * Bytes set aside in a user's quota for an upload announced with its length (a resumable upload),
 * turned into the file's usage when the file is made.
 */
public interface Reservation {

  /**
   * Stops setting the bytes aside, in the transaction that makes the file and counts its bytes;
   * answers how many bytes were still reserved (0 if the reservation was already released, so a
   * second file made of the same upload is counted in full).
   */
  long release();
}
