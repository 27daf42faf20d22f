package dev.fileshare.files.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The old blobs of moved rows outlive the switch by the delay, then go, in the order they came. */
class RetiredBlobsTests {

  private final MutableClock clock = new MutableClock();
  private final List<String> deleted = new ArrayList<>();
  private final RetiredBlobs retired =
      new RetiredBlobs(Duration.ofSeconds(10), clock, (rows, store, key) -> deleted.add(key));

  @Test
  void anOldBlobStaysUntilItsDelayIsOver() {
    retired.add(null, "local", "first");
    clock.advance(Duration.ofSeconds(4));
    retired.add(null, "local", "second");

    retired.deleteDue();
    assertThat(deleted).isEmpty();

    clock.advance(Duration.ofSeconds(6));
    retired.deleteDue();
    assertThat(deleted).containsExactly("first");
    assertThat(retired.size()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(4));
    retired.deleteDue();
    assertThat(deleted).containsExactly("first", "second");
  }

  @Test
  void theEndOfARunDeletesEveryOneOnceItsDelayIsOver() throws InterruptedException {
    retired.add(null, "local", "first");
    retired.add(null, "s3", "second");
    clock.advance(Duration.ofSeconds(10));

    retired.deleteAll();

    assertThat(deleted).containsExactly("first", "second");
    assertThat(retired.size()).isZero();
  }

  @Test
  void theEndOfARunWaitsForTheLastDelay() throws InterruptedException {
    var shortDelay =
        new RetiredBlobs(Duration.ofMillis(50), clock, (rows, store, key) -> deleted.add(key));
    shortDelay.add(null, "local", "waited-for");
    var added = clock.instant();

    shortDelay.deleteAll();

    assertThat(deleted).containsExactly("waited-for");
    assertThat(clock.instant()).isAfterOrEqualTo(added.plusMillis(50));
  }
}
