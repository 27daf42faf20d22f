package dev.fileshare.requests;

import dev.fileshare.files.UploadService;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.AuthenticatedUser;
import dev.fileshare.shared.Secrets;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's side of file requests: make them, list them with how many files each received,
 * change, close, reopen and delete them, and see who sent what. Someone else's request is 404. Only
 * users who may upload make requests: what arrives through one becomes their file.
 */
@Service
public class RequestService {

  /** Token bytes: 160 random bits. */
  static final int TOKEN_BYTES = 20;

  private final RequestRows rows;
  private final VisitRows visits;
  private final ReceiptRows receipts;
  private final RequestPolicy rules;
  private final UploadService uploads;
  private final Clock clock;

  RequestService(
      RequestRows rows,
      VisitRows visits,
      ReceiptRows receipts,
      RequestPolicy rules,
      UploadService uploads,
      Clock clock) {
    this.rows = rows;
    this.visits = visits;
    this.receipts = receipts;
    this.rules = rules;
    this.uploads = uploads;
    this.clock = clock;
  }

  public FileRequest create(AuthenticatedUser caller, RequestChanges changes) {
    uploads.checkMayCreate(caller);
    var values = rules.create(changes);
    var token = Secrets.generate(TOKEN_BYTES);
    var id = rows.insert(caller.userId().value(), token, values, clock.millis());
    return FileRequest.of(rows.byId(id).orElseThrow(ApiException::notFound));
  }

  /** The caller's requests, newest first, with ids below {@code before}. */
  public List<FileRequest> mine(AuthenticatedUser caller, long before, int limit) {
    return rows.ofOwner(caller.userId().value(), before, limit).stream()
        .map(FileRequest::of)
        .toList();
  }

  public FileRequest get(AuthenticatedUser caller, long id) {
    return FileRequest.of(owned(caller, id));
  }

  /** Changes the request; {@code closed} closes or reopens it. A new password locks every visit. */
  @Transactional
  public FileRequest update(AuthenticatedUser caller, long id, RequestChanges changes) {
    var row = owned(caller, id);
    var values = rules.change(row, changes);
    if (!rows.update(id, caller.userId().value(), values, clock.millis())) {
      throw ApiException.notFound();
    }
    if (changes.password().given()) {
      visits.lockAll(id);
    }
    return get(caller, id);
  }

  /**
   * Deletes the request: its link stops working at once, uploads in progress through it are refused
   * at their end. The files it received stay the owner's.
   */
  public void delete(AuthenticatedUser caller, long id) {
    owned(caller, id);
    if (!rows.delete(id, caller.userId().value())) {
      throw ApiException.notFound();
    }
  }

  /** The files the request received, newest first, with who sent them. */
  public List<Receipt> uploads(AuthenticatedUser caller, long id, long before, int limit) {
    return receipts.ofRequest(owned(caller, id).id(), before, limit);
  }

  private RequestRow owned(AuthenticatedUser caller, long id) {
    var row = rows.byId(id).orElseThrow(ApiException::notFound);
    if (!row.owner().equals(caller.userId())) {
      throw ApiException.notFound();
    }
    return row;
  }
}
