package dev.fileshare.support;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waits for the background reading of documents to go quiet. A test that moves the clock past the
 * orphan sweeper's grace and sweeps would otherwise take a preview that a job has just stored, a
 * moment before the job writes the row that names it, for an orphan: the grace is what keeps such
 * blobs in a real deployment, and a clock moved by hours does not give it.
 */
public final class BackgroundReads {

  private BackgroundReads() {}

  /** Until no document is being read and none is due to be. */
  public static void awaitIdle(JdbcClient jdbc) {
    Awaitility.await("documents read")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                            "SELECT COUNT(*) FROM documents WHERE claimed_by IS NOT NULL"
                                + " OR (state = 'pending' AND due_at <= ?)")
                        .param(System.currentTimeMillis())
                        .query(Long.class)
                        .single()
                    == 0);
  }
}
