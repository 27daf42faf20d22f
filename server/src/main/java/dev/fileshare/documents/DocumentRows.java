package dev.fileshare.documents;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The documents table, which is also the job queue: a row is due while its state is {@code
 * pending}, its {@code due_at} has come and no node holds it. Every statement stands alone (no
 * transaction of its own), so {@link #text} joins the transaction that writes the pages.
 */
@Repository
class DocumentRows {

  /** What a file's JSON shows: the state of its text, and its facts once read (JSON). */
  record Shown(String state, @Nullable String facts) {}

  /** A row a worker holds: the content it describes, and the attempts that failed before. */
  record Claimed(long fileId, String sha256, int attempts, String claim) {}

  private static final String CLAIMABLE =
      "state = 'pending' AND due_at <= :due AND (claimed_until IS NULL OR claimed_until < :now)";

  private final JdbcClient jdbc;

  DocumentRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Puts the file's row (back) to pending for this content, due now, and drops the hold of any node
   * that reads it, whose results are then dropped. Facts of the same content are kept until read
   * again. A file removed meanwhile gets no row.
   */
  void pending(long fileId, String sha256, Instant now) {
    try {
      jdbc.sql(
              "INSERT INTO documents (file_id, sha256, state, attempts, due_at, updated_at)"
                  + " VALUES (:id, :sha, 'pending', 0, :now, :now) ON CONFLICT (file_id) DO UPDATE"
                  + " SET sha256 = excluded.sha256, state = 'pending', attempts = 0,"
                  + " due_at = excluded.due_at, claimed_by = NULL, claimed_until = NULL,"
                  + " error = NULL, updated_at = excluded.updated_at, facts = CASE"
                  + " WHEN documents.sha256 = excluded.sha256 THEN documents.facts END")
          .param("id", fileId)
          .param("sha", sha256)
          .param("now", now.toEpochMilli())
          .update();
    } catch (DataIntegrityViolationException e) {
      // the file was removed for good in the meantime: nothing to read
    }
  }

  /** Ids of due rows that no node holds, oldest first; {@code due} is when a row counts as due. */
  List<Long> due(Instant due, Instant now, int limit) {
    return jdbc.sql(
            "SELECT file_id FROM documents WHERE "
                + CLAIMABLE
                + " ORDER BY due_at, file_id LIMIT :n")
        .param("due", due.toEpochMilli())
        .param("now", now.toEpochMilli())
        .param("n", limit)
        .query(Long.class)
        .list();
  }

  /**
   * Takes a hold on one row until {@code until}, with one conditional update: of several workers
   * (threads or nodes) that try at once, exactly one changes the row and gets it.
   */
  Optional<Claimed> claim(long fileId, String claim, Instant due, Instant now, Instant until) {
    var changed =
        jdbc.sql(
                "UPDATE documents SET claimed_by = :claim, claimed_until = :until"
                    + " WHERE file_id = :id AND "
                    + CLAIMABLE)
            .param("claim", claim)
            .param("until", until.toEpochMilli())
            .param("id", fileId)
            .param("due", due.toEpochMilli())
            .param("now", now.toEpochMilli())
            .update();
    if (changed != 1) {
      return Optional.empty();
    }
    return jdbc.sql(
            "SELECT file_id, sha256, attempts, claimed_by FROM documents"
                + " WHERE file_id = ? AND claimed_by = ?")
        .params(fileId, claim)
        .query((rs, n) -> new Claimed(rs.getLong(1), rs.getString(2), rs.getInt(3), claim))
        .optional();
  }

  /** Stores the facts of this content; false when the row describes other content now. */
  boolean facts(long fileId, String sha256, String facts) {
    return jdbc.sql("UPDATE documents SET facts = ? WHERE file_id = ? AND sha256 = ?")
            .params(facts, fileId, sha256)
            .update()
        == 1;
  }

  /** Sets the state of the text of this content; false when the row describes other content now. */
  boolean text(long fileId, String sha256, String state, Instant now) {
    return jdbc.sql(
                "UPDATE documents SET state = ?, error = NULL, updated_at = ?"
                    + " WHERE file_id = ? AND sha256 = ?")
            .params(state, now.toEpochMilli(), fileId, sha256)
            .update()
        == 1;
  }

  /** Lets go of a row whose every step is done. */
  void done(Claimed row) {
    jdbc.sql(
            "UPDATE documents SET claimed_by = NULL, claimed_until = NULL, attempts = 0"
                + " WHERE file_id = ? AND claimed_by = ?")
        .params(row.fileId(), row.claim())
        .update();
  }

  /** Lets go of a row to be tried again at {@code due}, or gives up ({@code failed}). */
  void failed(Claimed row, int attempts, boolean last, Instant due, String error, Instant now) {
    jdbc.sql(
            "UPDATE documents SET state = ?, attempts = ?, due_at = ?, error = ?, updated_at = ?,"
                + " claimed_by = NULL, claimed_until = NULL WHERE file_id = ? AND claimed_by = ?")
        .params(
            last ? "failed" : "pending",
            attempts,
            due.toEpochMilli(),
            error,
            now.toEpochMilli(),
            row.fileId(),
            row.claim())
        .update();
  }

  /** Lets go of a row without an attempt, to be looked at again at {@code due}. */
  void postpone(Claimed row, Instant due) {
    jdbc.sql(
            "UPDATE documents SET due_at = ?, claimed_by = NULL, claimed_until = NULL"
                + " WHERE file_id = ? AND claimed_by = ?")
        .params(due.toEpochMilli(), row.fileId(), row.claim())
        .update();
  }

  /** Makes a pending row due now (a file back from the trash). */
  void dueNow(long fileId, Instant now) {
    jdbc.sql("UPDATE documents SET due_at = ? WHERE file_id = ? AND state = 'pending'")
        .params(now.toEpochMilli(), fileId)
        .update();
  }

  void delete(long fileId) {
    jdbc.sql("DELETE FROM documents WHERE file_id = ?").params(fileId).update();
  }

  /** What the JSON of these files shows, for those that have a row. */
  Map<Long, Shown> shown(Collection<Long> fileIds) {
    var shown = new HashMap<Long, Shown>();
    if (fileIds.isEmpty()) {
      return shown;
    }
    jdbc.sql("SELECT file_id, state, facts FROM documents WHERE file_id IN (:ids)")
        .param("ids", fileIds)
        .query(
            (RowCallbackHandler)
                rs -> {
                  shown.put(rs.getLong(1), new Shown(rs.getString(2), rs.getString(3)));
                });
    return shown;
  }

  /** The content each of these files' rows describes, for those that have a row. */
  Map<Long, String> contents(Collection<Long> fileIds) {
    var contents = new HashMap<Long, String>();
    if (fileIds.isEmpty()) {
      return contents;
    }
    jdbc.sql("SELECT file_id, sha256 FROM documents WHERE file_id IN (:ids)")
        .param("ids", fileIds)
        .query(
            (RowCallbackHandler)
                rs -> {
                  contents.put(rs.getLong(1), rs.getString(2));
                });
    return contents;
  }

  /** How many rows are in each state. */
  Map<String, Long> counts() {
    var counts = new HashMap<String, Long>();
    jdbc.sql("SELECT state, COUNT(*) FROM documents GROUP BY state")
        .query(
            (RowCallbackHandler)
                rs -> {
                  counts.put(rs.getString(1), rs.getLong(2));
                });
    return counts;
  }
}
