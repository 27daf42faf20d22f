package dev.fileshare.auth;

import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;

/**
 * A rate limit: at most {@code requests} in each {@code period}. Written {@code 10/1h} in
 * configuration.
 */
public record Limit(int requests, Duration period) {

  public Limit {
    if (requests < 1 || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("A limit needs at least 1 request in a positive period");
    }
  }

  static Limit parse(String text) {
    var slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("A limit is written like 10/1h, not " + text);
    }
    return new Limit(
        Integer.parseInt(text.substring(0, slash).strip()),
        DurationStyle.detectAndParse(text.substring(slash + 1).strip()));
  }

  @Override
  public String toString() {
    return requests + "/" + period;
  }
}
