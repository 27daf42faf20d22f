package dev.fileshare.documents;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the background job reads stored documents.
 *
 * @param workers how many documents each node reads at once ({@code FILESHARE_DOCUMENTS_WORKERS})
 * @param timeout the longest one document may take, every step together; a slower one is stopped
 *     and tried again later ({@code FILESHARE_DOCUMENTS_TIMEOUT})
 * @param maxAttempts after this many failed attempts a document is marked failed ({@code
 *     FILESHARE_DOCUMENTS_MAX_ATTEMPTS})
 * @param retryDelay the wait after the first failed attempt; it doubles with every further failure,
 *     up to an hour ({@code FILESHARE_DOCUMENTS_RETRY_DELAY})
 * @param sweepInterval how often each node looks for files the queue does not know of yet or under
 *     older content, after a crash or an upgrade ({@code FILESHARE_DOCUMENTS_SWEEP_INTERVAL})
 * @param pollInterval how long an idle worker waits before it looks at the queue again; new uploads
 *     at the same node wake it at once ({@code FILESHARE_DOCUMENTS_POLL_INTERVAL})
 * @param maxPages the pages of a document whose text is indexed; later pages are not ({@code
 *     FILESHARE_DOCUMENTS_MAX_PAGES})
 * @param maxText the text indexed per document; pages past it are not ({@code
 *     FILESHARE_DOCUMENTS_MAX_TEXT})
 */
@ConfigurationProperties("fileshare.documents")
record DocumentSettings(
    @DefaultValue("1") int workers,
    @DefaultValue("60s") Duration timeout,
    @DefaultValue("5") int maxAttempts,
    @DefaultValue("1m") Duration retryDelay,
    @DefaultValue("1h") Duration sweepInterval,
    @DefaultValue("2s") Duration pollInterval,
    @DefaultValue("5000") int maxPages,
    @DefaultValue("16MB") DataSize maxText) {

  private static final Duration MAX_RETRY_DELAY = Duration.ofHours(1);

  DocumentSettings {
    if (workers < 0) {
      throw new IllegalArgumentException("fileshare.documents.workers must not be negative");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("fileshare.documents.timeout must be positive");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("fileshare.documents.max-attempts must be at least 1");
    }
    if (maxPages < 1 || maxPages > PageRows.MAX_PAGE) {
      throw new IllegalArgumentException(
          "fileshare.documents.max-pages must be between 1 and " + PageRows.MAX_PAGE);
    }
  }

  /** The wait after the given number of failed attempts (1 for the first failure). */
  Duration retryDelay(int failedAttempts) {
    var doubled = retryDelay.multipliedBy(1L << Math.min(Math.max(failedAttempts - 1, 0), 20));
    return doubled.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : doubled;
  }

  /**
   * How long a node holds a document it reads before another node may take it over: well past the
   * timeout, so that only a node that stopped loses its documents.
   */
  Duration lease() {
    return timeout.multipliedBy(2).plusSeconds(30);
  }
}
