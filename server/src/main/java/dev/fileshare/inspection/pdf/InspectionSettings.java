package dev.fileshare.inspection.pdf;

import dev.fileshare.inspection.ActiveContentPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on inspecting a document.
 *
 * @param timeout the longest one document may take to parse; a slower one is refused ({@code
 *     FILESHARE_INSPECTION_TIMEOUT}, default 30 seconds)
 * @param concurrency how many well-formed documents (their {@code startxref} points at a
 *     cross-reference table or stream) are parsed at once; more wait for their turn ({@code
 *     FILESHARE_INSPECTION_CONCURRENCY}, default 2)
 * @param costlyConcurrency how many documents that need a full scan to be read (no usable
 *     cross-reference table) are parsed at once, in slots of their own, so that they never hold up
 *     well-formed ones ({@code FILESHARE_INSPECTION_COSTLY_CONCURRENCY}, default 1)
 * @param perUserSlots how many of each kind of slot one uploader's documents may hold at once;
 *     their further documents wait without holding up other uploaders' ({@code
 *     FILESHARE_INSPECTION_PER_USER_SLOTS}, default 1)
 * @param maxDecoded how many bytes PDFBox may decode (cross-reference and object streams, which it
 *     holds in memory) for one document; a document that decodes to more is refused as too complex
 *     ({@code FILESHARE_INSPECTION_MAX_DECODED}, default 64MB)
 * @param activeContent what happens to a document with active content ({@code
 *     FILESHARE_INSPECTION_ACTIVE_CONTENT}: reject, flag or allow; default flag)
 */
@ConfigurationProperties("fileshare.inspection")
record InspectionSettings(
    @DefaultValue("30s") Duration timeout,
    @DefaultValue("2") int concurrency,
    @DefaultValue("1") int costlyConcurrency,
    @DefaultValue("1") int perUserSlots,
    @DefaultValue("64MB") DataSize maxDecoded,
    @DefaultValue("flag") ActiveContentPolicy activeContent) {

  InspectionSettings {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("fileshare.inspection.timeout must be positive");
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("fileshare.inspection.concurrency must be at least 1");
    }
    if (costlyConcurrency < 1) {
      throw new IllegalArgumentException(
          "fileshare.inspection.costly-concurrency must be at least 1");
    }
    if (perUserSlots < 1) {
      throw new IllegalArgumentException("fileshare.inspection.per-user-slots must be at least 1");
    }
    if (maxDecoded.toBytes() < 1) {
      throw new IllegalArgumentException("fileshare.inspection.max-decoded must be positive");
    }
  }

  /** The defaults, with another timeout, concurrency and policy (for tests). */
  static InspectionSettings of(Duration timeout, int concurrency, ActiveContentPolicy policy) {
    return new InspectionSettings(timeout, concurrency, 1, 1, DataSize.ofMegabytes(64), policy);
  }
}
