package dev.fileshare.sharing;

import dev.fileshare.auth.Limit;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Links ({@code fileshare.sharing.*}).
 *
 * @param linksEnabled whether owners may make links and links open at all
 * @param defaultExpiry how long a link works when its owner names no expiry; empty: for ever
 * @param maxExpiry the longest a link may work from when it is made or changed; empty: no maximum
 * @param requirePassword whether every link must have a password
 * @param passwordMinLength the fewest characters a link's password may have
 * @param logAddresses how much of a visitor's address the access log keeps
 * @param logRetention how long access log entries are kept
 * @param unlockTtl how long a correct password (and a counted download's right to resume) lasts
 * @param cleanupInterval how often expired log entries and grants are removed
 * @param passwordFailuresPerLink wrong passwords allowed for one link, from any address
 * @param passwordFailuresPerAddress wrong passwords allowed from one address, for any link
 * @param mailPerUser addresses an owner may mail links to
 * @param viewPagesPerMinute pages a view-only link may have rendered in a minute, for all its
 *     visitors together
 * @param renderConcurrency pages of view-only links drawn at once on this node, for all links; more
 *     wait up to {@code renderWait} and then get 503
 * @param renderWait how long a page waits for its turn to be drawn
 * @param renderCache how many bytes of drawn pages this node keeps for the next visitor
 */
@ConfigurationProperties("fileshare.sharing")
public record SharingSettings(
    @DefaultValue("true") boolean linksEnabled,
    @Nullable Duration defaultExpiry,
    @Nullable Duration maxExpiry,
    @DefaultValue("false") boolean requirePassword,
    @DefaultValue("6") int passwordMinLength,
    @DefaultValue("shortened") AddressLogging logAddresses,
    @DefaultValue("90d") Duration logRetention,
    @DefaultValue("12h") Duration unlockTtl,
    @DefaultValue("1h") Duration cleanupInterval,
    @DefaultValue("10/15m") Limit passwordFailuresPerLink,
    @DefaultValue("30/15m") Limit passwordFailuresPerAddress,
    @DefaultValue("50/1h") Limit mailPerUser,
    @DefaultValue("60") int viewPagesPerMinute,
    @DefaultValue("2") int renderConcurrency,
    @DefaultValue("20s") Duration renderWait,
    @DefaultValue("64MB") org.springframework.util.unit.DataSize renderCache) {

  /** How much of a client address the access log keeps. */
  public enum AddressLogging {
    /** The whole address. */
    WHOLE,
    /** The network only: /24 of an IPv4 address, /48 of an IPv6 address. */
    SHORTENED,
    /** Nothing. */
    NONE
  }

  /** The bound on rendered pages per link, as a rate limit. */
  public Limit viewPages() {
    return new Limit(Math.max(1, viewPagesPerMinute), Duration.ofMinutes(1));
  }

  public Optional<Duration> defaultExpiryValue() {
    return positive(defaultExpiry);
  }

  public Optional<Duration> maxExpiryValue() {
    return positive(maxExpiry);
  }

  private static Optional<Duration> positive(@Nullable Duration duration) {
    return Optional.ofNullable(duration).filter(d -> !d.isZero() && !d.isNegative());
  }
}
