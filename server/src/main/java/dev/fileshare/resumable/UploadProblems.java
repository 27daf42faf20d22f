package dev.fileshare.resumable;

import dev.fileshare.shared.ApiException;
import org.springframework.http.HttpStatus;

/** The protocol's refusals, as problem bodies. */
final class UploadProblems {

  /** The tus checksum extension's status for a piece that does not match its checksum. */
  static final int CHECKSUM_MISMATCH = 460;

  private UploadProblems() {}

  static ApiException locked() {
    return new ApiException(
        HttpStatus.LOCKED,
        "Another request is writing this upload now. Ask for its offset (HEAD) and try again.");
  }

  static ApiException offsetMismatch(long offset) {
    return new ApiException(
            HttpStatus.CONFLICT,
            "Upload-Offset does not match: the upload has " + offset + " bytes.")
        .withHeader("Upload-Offset", Long.toString(offset));
  }

  static ApiException tooMuch(long remaining) {
    return new ApiException(
            HttpStatus.PAYLOAD_TOO_LARGE,
            "The request carries more bytes than the upload has left (" + remaining + ").")
        .withHeader("Connection", "close");
  }

  static ApiException tooManyPieces(int max) {
    return new ApiException(
        HttpStatus.BAD_REQUEST,
        "The upload already has " + max + " pieces, the most allowed: send the rest at once.");
  }

  /** tus 460: clients look only at the status; others read the problem. */
  static ApiException checksumMismatch() {
    return new ApiException(
        CHECKSUM_MISMATCH,
        "Checksum Mismatch",
        "The checksum of the bytes received does not match Upload-Checksum; nothing was kept.");
  }

  static ApiException interrupted() {
    return new ApiException(
        HttpStatus.BAD_REQUEST, "The request body ended before its bytes were complete.");
  }
}
