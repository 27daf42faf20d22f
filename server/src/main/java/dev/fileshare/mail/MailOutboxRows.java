package dev.fileshare.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code mail_outbox} table. Every statement stands alone (no transaction of its own), so that
 * adding a mail joins the caller's transaction and the worker never holds a lock while it talks to
 * the mail server.
 */
@Repository
class MailOutboxRows {

  /** A mail claimed for sending. */
  record Pending(long id, String recipient, String subject, String body, int attempts) {

    MailMessage message() {
      return new MailMessage(recipient, subject, body);
    }
  }

  private static final String CLAIMABLE =
      "sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= :now"
          + " AND (locked_until IS NULL OR locked_until < :now)";

  private final JdbcClient jdbc;

  MailOutboxRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds a mail, due at once, in the caller's transaction if there is one. */
  void add(MailMessage mail, Instant now) {
    jdbc.sql(
            "INSERT INTO mail_outbox (recipient, subject, body, created_at, next_attempt_at,"
                + " attempts) VALUES (:recipient, :subject, :body, :now, :now, 0)")
        .param("recipient", mail.recipient())
        .param("subject", mail.subject())
        .param("body", mail.body())
        .param("now", now.toEpochMilli())
        .update();
  }

  /** The ids of mail that is due and not held by a node, oldest first. */
  List<Long> due(Instant now, int limit) {
    return jdbc.sql(
            "SELECT id FROM mail_outbox WHERE "
                + CLAIMABLE
                + " ORDER BY next_attempt_at, id LIMIT :limit")
        .param("now", now.toEpochMilli())
        .param("limit", limit)
        .query(Long.class)
        .list();
  }

  /**
   * Takes a lease on one mail until {@code leaseEnd}. The single conditional update is atomic on
   * SQLite and PostgreSQL alike: of several workers (threads or server nodes) that try at once,
   * exactly one changes the row and gets the mail; the others change nothing and get nothing.
   */
  Optional<Pending> claim(long id, Instant now, Instant leaseEnd) {
    var changed =
        jdbc.sql("UPDATE mail_outbox SET locked_until = :leaseEnd WHERE id = :id AND " + CLAIMABLE)
            .param("leaseEnd", leaseEnd.toEpochMilli())
            .param("id", id)
            .param("now", now.toEpochMilli())
            .update();
    if (changed != 1) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT id, recipient, subject, body, attempts FROM mail_outbox WHERE id = :id")
        .param("id", id)
        .query(Pending.class)
        .optional();
  }

  /**
   * Marks a mail sent and wipes its body: the body holds the raw token of the link, and no raw
   * token may stay in the database once the mail has been delivered.
   */
  void markSent(long id, Instant now) {
    jdbc.sql(
            "UPDATE mail_outbox SET sent_at = :now, body = '', locked_until = NULL"
                + " WHERE id = :id AND sent_at IS NULL")
        .param("now", now.toEpochMilli())
        .param("id", id)
        .update();
  }

  /** Records a failed attempt and releases the lease until the next attempt is due. */
  void retryLater(long id, int attempts, Instant nextAttempt, String error) {
    jdbc.sql(
            "UPDATE mail_outbox SET attempts = :attempts, next_attempt_at = :next,"
                + " locked_until = NULL, last_error = :error WHERE id = :id AND sent_at IS NULL")
        .param("attempts", attempts)
        .param("next", nextAttempt.toEpochMilli())
        .param("error", error)
        .param("id", id)
        .update();
  }

  /** Gives up on a mail; its body (and token) is wiped as for a sent one. */
  void markFailed(long id, int attempts, Instant now, String error) {
    jdbc.sql(
            "UPDATE mail_outbox SET attempts = :attempts, failed_at = :now, body = '',"
                + " locked_until = NULL, last_error = :error WHERE id = :id AND sent_at IS NULL")
        .param("attempts", attempts)
        .param("now", now.toEpochMilli())
        .param("error", error)
        .param("id", id)
        .update();
  }
}
