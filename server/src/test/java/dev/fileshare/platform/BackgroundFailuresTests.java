package dev.fileshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

@ExtendWith(OutputCaptureExtension.class)
class BackgroundFailuresTests {

  private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");

  @Test
  void aDatabaseThatIsAwayIsOneLineAMinuteWithoutAStackTrace(CapturedOutput output) {
    var failure =
        new CannotGetJdbcConnectionException(
            "Failed to obtain JDBC Connection",
            new java.sql.SQLTransientConnectionException("Connection is not available"));
    var failures = new BackgroundFailures(Clock.fixed(START, ZoneOffset.UTC));
    for (var i = 0; i < 30; i++) {
      failures.handleError(failure);
    }

    assertThat(output.getAll().lines().filter(l -> l.contains("Background tasks cannot run")))
        .hasSize(1)
        .allMatch(l -> l.contains("Connection is not available"));
    assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("Unexpected error");
  }

  @Test
  void warningsComeBackAfterAQuietMinuteWithHowManyWereLeftOut(CapturedOutput output) {
    var now = new Instant[] {START};
    var failures = new BackgroundFailures(new Ticking(now));
    var failure = new org.springframework.dao.QueryTimeoutException("canceling statement");
    for (var second = 0; second <= 90; second += 2) {
      now[0] = START.plusSeconds(second);
      failures.handleError(failure);
    }
    var warnings =
        output.getAll().lines().filter(l -> l.contains("Background tasks cannot run")).toList();
    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(1)).contains("(29 more failures like it since the last warning)");
  }

  @Test
  void anyOtherFailureIsAnErrorWithItsStackTrace(CapturedOutput output) {
    new BackgroundFailures(Clock.systemUTC()).handleError(new IllegalStateException("a bug"));
    assertThat(output.getAll()).contains("Unexpected error occurred in scheduled task");
    assertThat(output.getAll()).contains("IllegalStateException: a bug").contains("\tat ");
  }

  /** A clock that reads the time from an array the test moves. */
  private static final class Ticking extends Clock {
    private final Instant[] now;

    Ticking(Instant[] now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now[0];
    }
  }
}
