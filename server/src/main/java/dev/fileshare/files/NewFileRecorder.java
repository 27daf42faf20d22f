package dev.fileshare.files;

import dev.fileshare.quotas.QuotaService;
import dev.fileshare.shared.AuthenticatedUser;
import dev.fileshare.shared.UserId;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a new file: its row and its bytes counted in the owner's quota, in one transaction (the
 * quota's conditional UPDATE refuses what does not fit, and then there is no row), and a {@link
 * FileEvent} telling of it. Bytes that a resumable upload set aside are taken back from its
 * reservation in the same transaction; a reservation already taken back counts the file in full.
 */
@Component
class NewFileRecorder {

  private final FileRows rows;
  private final QuotaService quotas;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  NewFileRecorder(
      FileRows rows, QuotaService quotas, ApplicationEventPublisher events, Clock clock) {
    this.rows = rows;
    this.quotas = quotas;
    this.events = events;
    this.clock = clock;
  }

  /** A file the caller uploaded, in a transaction of its own; the event follows the commit. */
  @Transactional
  public long created(AuthenticatedUser caller, FileRows.Content content, StagedUpload upload) {
    return insert(caller.userId(), content, upload, null);
  }

  /** Tells that the caller uploaded the file; after {@link #created} committed. */
  void tellCreated(AuthenticatedUser caller, long id, String name) {
    var owner = caller.userId();
    events.publishEvent(
        new FileEvent(owner, Optional.of(owner), id, name, FileEvent.Action.UPLOADED, ""));
  }

  /** A file received through a file request, and its event, in the caller's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public long received(
      UserId owner, FileRows.Content content, StagedUpload upload, long requestId) {
    var id = insert(owner, content, upload, requestId);
    events.publishEvent(
        new FileEvent(
            owner,
            Optional.empty(),
            id,
            content.name(),
            FileEvent.Action.RECEIVED,
            Long.toString(requestId)));
    return id;
  }

  private long insert(
      UserId owner, FileRows.Content content, StagedUpload upload, @Nullable Long requestId) {
    var size = upload.size();
    var reservation = upload.reservation();
    if (reservation.isPresent()) {
      quotas.settle(owner, reservation.get().release(), size, 1);
    } else {
      quotas.charge(owner, size, 1);
    }
    return rows.insert(owner, content, requestId, clock.millis());
  }
}
