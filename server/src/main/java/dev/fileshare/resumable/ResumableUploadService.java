package dev.fileshare.resumable;

import dev.fileshare.files.FileProblems;
import dev.fileshare.files.FileService;
import dev.fileshare.files.FileView;
import dev.fileshare.files.UploadService;
import dev.fileshare.quotas.QuotaService;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Uploads that arrive in pieces, over as many requests (and server nodes) as the client needs, and
 * become a file once the last byte is in: the signed-in caller's own, or one an {@link
 * UploadTarget} makes. Another uploader's upload does not exist for the caller.
 */
@Service
public class ResumableUploadService {

  private final UploadRows rows;
  private final UploadQuota quota;
  private final HoldService holds;
  private final PieceWriter pieces;
  private final Assembly assembly;
  private final UploadService uploads;
  private final FileService files;
  private final Clock clock;

  ResumableUploadService(
      UploadRows rows,
      UploadQuota quota,
      HoldService holds,
      PieceWriter pieces,
      Assembly assembly,
      UploadService uploads,
      FileService files,
      Clock clock) {
    this.rows = rows;
    this.quota = quota;
    this.holds = holds;
    this.pieces = pieces;
    this.assembly = assembly;
    this.uploads = uploads;
    this.files = files;
    this.clock = clock;
  }

  /** The largest upload accepted, in bytes. */
  public long maxBytes() {
    return uploads.maxBytes();
  }

  /** The largest upload this uploader may send, in bytes. */
  public long maxBytes(Uploader uploader) {
    return uploader.target().map(t -> Math.min(t.maxBytes(), maxBytes())).orElse(maxBytes());
  }

  /**
   * Starts an upload of {@code length} bytes, reserved in the owner's quota until it is a file or
   * given up (413 if they do not fit); the metadata must name the file.
   */
  public UploadState create(Uploader uploader, long length, @Nullable String metadataHeader) {
    uploader.user().ifPresent(uploads::checkMayCreate);
    if (length == 0) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "The submitted file is empty.");
    }
    var metadata = UploadMetadata.parse(metadataHeader);
    uploader.target().ifPresent(target -> target.checkMayCreate(length, metadata.values()));
    var max = maxBytes(uploader);
    if (length > max) {
      throw FileProblems.tooLarge(max);
    }
    var id = Secrets.generate(16);
    var now = clock.millis();
    var expires = assembly.expiry();
    try {
      quota.insert(
          id, uploader.ownerId(), uploader.scope(), length, metadata.header(), now, expires);
    } catch (ApiException e) {
      throw uploader.target().isPresent() ? QuotaService.withoutFigures(e) : e;
    }
    return new UploadState(id, length, 0, metadata.header(), Instant.ofEpochMilli(expires), null);
  }

  /**
   * Where the upload stands. An upload whose last byte arrived but which is not a file yet (its
   * server stopped in between) is made a file now.
   */
  public UploadState state(Uploader caller, String id) throws IOException {
    var row = existing(caller, id);
    if (row.complete() && row.fileId() == null) {
      var claimed = holds.claim(id, row.ownerId(), row.uploadLength());
      if (claimed.isPresent()) {
        try (var hold = claimed.get()) {
          return answer(row, row.uploadLength(), assembly.complete(caller, row, hold));
        }
      }
    }
    return answer(row, row.uploadOffset(), file(caller, row));
  }

  /**
   * Appends the body at {@code offset}, which must be where the upload stands.
   *
   * @param declaredLength the body's {@code Content-Length}, or -1 if unknown
   * @param sha256 the hex SHA-256 the body must have, or {@code null}
   */
  public UploadState append(
      Uploader caller,
      String id,
      long offset,
      InputStream body,
      long declaredLength,
      @Nullable String sha256)
      throws IOException {
    var row = existing(caller, id);
    if (offset != row.uploadOffset() || row.fileId() != null) {
      throw UploadProblems.offsetMismatch(row.uploadOffset());
    }
    var remaining = row.uploadLength() - offset;
    if (declaredLength > remaining) {
      throw UploadProblems.tooMuch(remaining);
    }
    var claimed = holds.claim(id, row.ownerId(), offset);
    try (var hold = claimed.orElseThrow(() -> refusal(caller, id, offset))) {
      var end = offset;
      if (offset < row.uploadLength()) {
        end += pieces.store(row, hold, body, sha256).map(Piece::length).orElse(0L);
      }
      var file = end == row.uploadLength() ? assembly.complete(caller, row, hold) : null;
      return answer(row, end, file);
    }
  }

  /** Stops the upload and removes what arrived of it. A file it became stays. */
  public void terminate(Uploader caller, String id) {
    var row = existing(caller, id);
    var claimed = holds.claimAny(id, row.ownerId());
    try (var hold = claimed.orElseThrow(() -> refusal(caller, id))) {
      assembly.remove(hold);
    }
  }

  private UploadRow existing(Uploader caller, String id) {
    if (!Secrets.looksLike(id, 16)) {
      throw ApiException.notFound();
    }
    return rows.find(id, caller.ownerId(), caller.scope(), clock.millis())
        .orElseThrow(ApiException::notFound);
  }

  /** Why a claim failed: the upload is gone (404), moved on (409), or being written (423). */
  private ApiException refusal(Uploader caller, String id, long offset) {
    var now = existing(caller, id);
    if (now.uploadOffset() != offset || now.fileId() != null) {
      return UploadProblems.offsetMismatch(now.uploadOffset());
    }
    return UploadProblems.locked();
  }

  /** Why a claim to remove failed: the upload is gone (404), or being written (423). */
  private ApiException refusal(Uploader caller, String id) {
    existing(caller, id);
    return UploadProblems.locked();
  }

  private @Nullable FileView file(Uploader caller, UploadRow row) {
    var id = row.fileId();
    if (id == null) {
      return null;
    }
    var target = caller.target();
    if (target.isPresent()) {
      return target.get().file(id).orElse(null);
    }
    try {
      return files.get(caller.user().orElseThrow(), id);
    } catch (ApiException deletedSince) {
      return null;
    }
  }

  private UploadState answer(UploadRow row, long offset, @Nullable FileView file) {
    var expires =
        file == null && offset == row.uploadOffset() ? row.expiresAt() : assembly.expiry();
    return new UploadState(
        row.id(), row.uploadLength(), offset, row.metadata(), Instant.ofEpochMilli(expires), file);
  }
}
