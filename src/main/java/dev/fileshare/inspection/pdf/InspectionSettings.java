package dev.fileshare.inspection.pdf;

import dev.fileshare.inspection.ActiveContentPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on inspecting a document.
 *
 * @param timeout the longest one document may take to parse; a slower one is refused ({@code
 *     FILESHARE_INSPECTION_TIMEOUT}, default 30 seconds)
 * @param concurrency how many documents are parsed at once; more wait for their turn ({@code
 *     FILESHARE_INSPECTION_CONCURRENCY}, default 2)
 * @param activeContent what happens to a document with active content ({@code
 *     FILESHARE_INSPECTION_ACTIVE_CONTENT}: reject, flag or allow; default flag)
 */
@ConfigurationProperties("fileshare.inspection")
record InspectionSettings(
    @DefaultValue("30s") Duration timeout,
    @DefaultValue("2") int concurrency,
    @DefaultValue("flag") ActiveContentPolicy activeContent) {

  InspectionSettings {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("fileshare.inspection.timeout must be positive");
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("fileshare.inspection.concurrency must be at least 1");
    }
  }
}
