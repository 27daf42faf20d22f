package dev.fileshare.requests;

import dev.fileshare.files.FileLookup;
import dev.fileshare.files.FileView;
import dev.fileshare.files.StagedUpload;
import dev.fileshare.quotas.QuotaService;
import dev.fileshare.resumable.UploadTarget;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.UserId;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * A request as the target of one visitor's resumable uploads: each upload is scoped to the request
 * and the visit, so nobody else sees or continues it. The uploader's name and address come in the
 * upload's metadata ({@code uploader_name}, {@code uploader_email}); everything is checked when the
 * upload starts and, for the request's state, once more when its last byte is in.
 */
final class RequestTarget implements UploadTarget {

  static final String NAME_KEY = "uploader_name";
  static final String EMAIL_KEY = "uploader_email";

  private final PublicRequestService requests;
  private final Intake intake;
  private final ReceiptRows receipts;
  private final FileLookup files;
  private final RequestPolicy rules;
  private final RequestRow row;
  private final String visitHash;
  private final Guest guest;

  RequestTarget(
      PublicRequestService requests,
      Intake intake,
      ReceiptRows receipts,
      FileLookup files,
      RequestPolicy rules,
      RequestRow row,
      String visitHash,
      Guest guest) {
    this.requests = requests;
    this.intake = intake;
    this.receipts = receipts;
    this.files = files;
    this.rules = rules;
    this.row = row;
    this.visitHash = visitHash;
    this.guest = guest;
  }

  @Override
  public UserId owner() {
    return row.owner();
  }

  @Override
  public String scope() {
    return "request:" + row.id() + ":" + visitHash;
  }

  @Override
  public long maxBytes() {
    return rules.maxFileSize(row);
  }

  @Override
  public void checkMayCreate(long length, Map<String, String> metadata) {
    requests.admit(row, guest, from(metadata), true);
  }

  @Override
  public FileView complete(StagedUpload staged, Map<String, String> metadata) throws IOException {
    var sender = requests.admit(row, guest, from(metadata), false);
    try {
      return intake.accept(row, sender, staged).file();
    } catch (ApiException e) {
      throw QuotaService.withoutFigures(e);
    }
  }

  @Override
  public Optional<FileView> file(long fileId) {
    return receipts.ofVisitAndFile(row.id(), visitHash, fileId).stream()
        .findFirst()
        .flatMap(receipt -> files.byId(receipt.file()));
  }

  private static PublicRequest.From from(Map<String, String> metadata) {
    return new PublicRequest.From(
        metadata.getOrDefault(NAME_KEY, ""), metadata.getOrDefault(EMAIL_KEY, ""));
  }
}
