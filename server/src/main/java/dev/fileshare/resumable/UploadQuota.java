package dev.fileshare.resumable;

import dev.fileshare.files.Reservation;
import dev.fileshare.quotas.QuotaService;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.UserId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps an unfinished upload's length reserved in its owner's quota, from the transaction that
 * makes its row until the transaction that makes its file takes the bytes over, or the one that
 * deletes the row (terminated, expired, refused) gives them back. The row's {@code reserved} column
 * says what it still holds, so nothing is given back twice.
 */
@Component
class UploadQuota {

  private final UploadRows rows;
  private final QuotaService quotas;
  private final TransactionTemplate transactions;

  UploadQuota(UploadRows rows, QuotaService quotas, TransactionTemplate transactions) {
    this.rows = rows;
    this.quotas = quotas;
    this.transactions = transactions;
  }

  /**
   * Makes the upload's row with its length reserved, or refuses it with 413 (the quota and the
   * usage in the problem) when one more file of that length does not fit.
   */
  void insert(
      String id, long owner, String scope, long length, String metadata, long now, long expires) {
    var user = new UserId(owner);
    try {
      quotas.checkRoom(user, length, 1);
      transactions.executeWithoutResult(
          status -> {
            quotas.reserve(user, length);
            rows.insert(id, owner, scope, length, metadata, now, expires);
          });
    } catch (ApiException e) {
      throw overQuota(e);
    }
  }

  /** What the file made of the upload takes over, in its transaction. */
  Reservation reservation(String id) {
    return () -> rows.unreserve(id);
  }

  /** Deletes the upload the holder claimed and gives back what it reserved; false if it lost it. */
  boolean delete(Hold hold) {
    return Boolean.TRUE.equals(
        transactions.execute(
            status -> {
              var removed = rows.delete(hold.id(), hold.token());
              removed
                  .filter(upload -> upload.reserved() > 0)
                  .ifPresent(
                      upload -> quotas.unreserve(new UserId(upload.owner()), upload.reserved()));
              return removed.isPresent();
            }));
  }

  /**
   * A refusal of the quota (507) as tus clients need it: 413, the same problem otherwise. They try
   * again after a 5xx, and trying again would not help.
   */
  static ApiException overQuota(ApiException e) {
    if (e.status().value() != HttpStatus.INSUFFICIENT_STORAGE.value()) {
      return e;
    }
    return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage(), e.members(), e.headers());
  }
}
