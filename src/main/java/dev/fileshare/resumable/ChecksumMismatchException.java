package dev.fileshare.resumable;

/** The bytes of a PATCH did not match its {@code Upload-Checksum}; nothing was kept (tus: 460). */
public class ChecksumMismatchException extends RuntimeException {

  public ChecksumMismatchException() {
    super(
        "The checksum of the bytes received does not match Upload-Checksum; nothing was kept.",
        null,
        false,
        false);
  }
}
