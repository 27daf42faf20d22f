package dev.fileshare.files;

import dev.fileshare.shared.UserId;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What becomes of a person's files when an administrator deletes their account: removed for good
 * (as emptying the trash removes them: versions, blobs, what documents knows of them), or given to
 * another user with their versions and their shares.
 */
@Service
public class FileDisposal {

  private final FileRows rows;
  private final TrashPurger purger;
  private final ShareRows shares;
  private final TransactionTemplate transaction;
  private final Clock clock;

  FileDisposal(
      FileRows rows,
      TrashPurger purger,
      ShareRows shares,
      TransactionTemplate transaction,
      Clock clock) {
    this.rows = rows;
    this.purger = purger;
    this.shares = shares;
    this.transaction = transaction;
    this.clock = clock;
  }

  /**
   * Moves every file of the owner to the trash and removes them all for good, a batch at a time
   * (each batch its own transaction, its blobs deleted once it commits); answers how many were
   * removed. Interrupted, it leaves whole files in the trash, and a new call goes on.
   */
  public long removeAll(UserId owner) {
    transaction.executeWithoutResult(status -> rows.trashAllOf(owner, clock.millis()));
    return purger.purgeTrashOf(owner, Optional.empty());
  }

  /**
   * Gives every file of {@code from} (in the trash too) to {@code heir}, in the caller's
   * transaction: the files keep their versions and their shares with people, which the heir now
   * gives (a share with the heir themselves is dropped: they own the file). Answers how many files
   * changed hands.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public long transfer(UserId from, UserId heir) {
    shares.handOver(from, heir);
    return rows.handOver(from, heir);
  }
}
