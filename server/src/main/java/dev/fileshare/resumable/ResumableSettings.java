package dev.fileshare.resumable;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Resumable uploads ({@code fileshare.uploads.*}).
 *
 * @param expiration how long an upload may rest between two pieces before it is swept, and how long
 *     a finished upload still answers with its file ({@code FILESHARE_UPLOADS_EXPIRATION})
 * @param lease how long a request holds an upload it writes without renewing the hold (it renews
 *     every third of it); a node that dies while writing blocks the upload at most this long, and
 *     meanwhile a client is told 423, which tus clients retry ({@code FILESHARE_UPLOADS_LEASE})
 * @param sweepInterval how often expired uploads are removed ({@code
 *     FILESHARE_UPLOADS_SWEEP_INTERVAL})
 * @param maxPieces the most pieces (blobs) one upload may be stored in: on a store that cannot grow
 *     blobs (S3) one per request, on local disk one, and another after each takeover from a writer
 *     whose lease ran out ({@code FILESHARE_UPLOADS_MAX_PIECES})
 */
@ConfigurationProperties("fileshare.uploads")
record ResumableSettings(
    @DefaultValue("24h") Duration expiration,
    @DefaultValue("30s") Duration lease,
    @DefaultValue("10m") Duration sweepInterval,
    @DefaultValue("10000") int maxPieces) {

  ResumableSettings {
    if (lease.toMillis() < 1000) {
      throw new IllegalArgumentException("fileshare.uploads.lease must be at least one second");
    }
    if (maxPieces < 1) {
      throw new IllegalArgumentException("fileshare.uploads.max-pieces must be at least 1");
    }
  }
}
