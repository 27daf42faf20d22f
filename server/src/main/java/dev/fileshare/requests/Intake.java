package dev.fileshare.requests;

import dev.fileshare.files.FileView;
import dev.fileshare.files.StagedUpload;
import dev.fileshare.files.UploadService;
import dev.fileshare.shared.ApiException;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a staged upload into a request, for the raw and the resumable path alike: the bytes are
 * checked as any upload's, then one transaction takes a slot (the conditional UPDATE that also
 * refuses a request closed, expired or deleted meanwhile), makes the owner's private file, and
 * records who sent it. A refusal leaves no file; the caller's closing the staged upload then
 * removes the blob.
 */
@Component
class Intake {

  /** The file a request received and its receipt. */
  record Accepted(FileView file, Receipt receipt) {}

  private final RequestRows rows;
  private final ReceiptRows receipts;
  private final UploadService uploads;
  private final RequestsSettings settings;
  private final TransactionTemplate transactions;
  private final Clock clock;

  Intake(
      RequestRows rows,
      ReceiptRows receipts,
      UploadService uploads,
      RequestsSettings settings,
      TransactionTemplate transactions,
      Clock clock) {
    this.rows = rows;
    this.receipts = receipts;
    this.uploads = uploads;
    this.settings = settings;
    this.transactions = transactions;
    this.clock = clock;
  }

  Accepted accept(RequestRow request, ReceiptRows.Sender sender, StagedUpload staged)
      throws IOException {
    uploads.check(request.owner(), staged);
    var now = clock.millis();
    var soon = now + settings.notifyDelay().toMillis();
    var interval = settings.notifyInterval().toMillis();
    var accepted =
        transactions.execute(
            status -> {
              if (!rows.takeSlot(request.id(), now, soon, interval)) {
                throw refusal(request.id());
              }
              var file = uploads.receive(request.owner(), staged, request.id());
              var id =
                  receipts.insert(request.id(), file.id(), file.name(), file.size(), sender, now);
              var receipt =
                  new Receipt(
                      id,
                      request.id(),
                      file.id(),
                      file.name(),
                      file.size(),
                      sender.name(),
                      sender.email(),
                      sender.address(),
                      Instant.ofEpochMilli(now));
              return new Accepted(file, receipt);
            });
    if (accepted == null) {
      throw new IllegalStateException("No answer from the transaction");
    }
    return accepted;
  }

  /** Why no slot was free: the request is gone, closed, expired or full as it is now. */
  ApiException refusal(long requestId) {
    var now = rows.byId(requestId);
    if (now.isEmpty()) {
      return new ApiException(HttpStatus.GONE, "This request was deleted: it takes no files.");
    }
    var row = now.get();
    if (row.closed()) {
      return RequestProblems.closed();
    }
    var expires = row.expiresAt();
    if (expires != null && row.expired(clock.millis())) {
      return RequestProblems.expired(Instant.ofEpochMilli(expires));
    }
    if (row.full()) {
      return RequestProblems.full(row.maxFiles() == null ? row.received() : row.maxFiles());
    }
    return new ApiException(HttpStatus.CONFLICT, "The request changed meanwhile: try again.");
  }
}
