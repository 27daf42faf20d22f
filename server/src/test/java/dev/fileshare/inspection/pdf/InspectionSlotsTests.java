package dev.fileshare.inspection.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fileshare.shared.UserId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InspectionSlotsTests {

  static final UserId ALICE = new UserId(1);
  static final UserId BOB = new UserId(2);

  final ExecutorService pool = Executors.newCachedThreadPool();
  final List<String> served = new CopyOnWriteArrayList<>();
  final CountDownLatch done = new CountDownLatch(1);

  @AfterEach
  void stop() {
    done.countDown();
    pool.shutdownNow();
  }

  /** Takes a slot as {@code who}, notes it under {@code name}, and holds it until the test ends. */
  void holdAs(InspectionSlots slots, UserId who, String name) {
    pool.submit(
        () -> {
          slots.acquire(who);
          served.add(name);
          done.await();
          slots.release(who);
          return null;
        });
  }

  @Test
  void oneUploaderHoldsNoMoreThanTheirShareAndOthersPassTheirQueue() {
    var slots = new InspectionSlots(2, 1);
    holdAs(slots, ALICE, "alice 1");
    await().until(() -> served.size() == 1);
    holdAs(slots, ALICE, "alice 2");
    holdAs(slots, ALICE, "alice 3");
    await().until(() -> slots.waiting() == 2);

    holdAs(slots, BOB, "bob 1");
    await().until(() -> served.size() == 2);
    assertThat(served).containsExactly("alice 1", "bob 1");
    assertThat(slots.waiting()).isEqualTo(2);
  }

  @Test
  void aSlotGoesToTheFirstInLineWhoseUploaderHasRoom() throws Exception {
    var slots = new InspectionSlots(1, 1);
    slots.acquire(ALICE);
    holdAs(slots, ALICE, "alice 2");
    await().until(() -> slots.waiting() == 1);
    holdAs(slots, ALICE, "alice 3");
    await().until(() -> slots.waiting() == 2);
    holdAs(slots, BOB, "bob 1");
    await().until(() -> slots.waiting() == 3);

    slots.release(ALICE);
    await().until(() -> served.size() == 1);
    assertThat(served).containsExactly("alice 2");
    assertThat(slots.inUse()).isEqualTo(1);
  }

  @Test
  void aWaiterWhoGivesUpLeavesTheLine() throws Exception {
    var slots = new InspectionSlots(1, 1);
    slots.acquire(ALICE);
    var waiter =
        pool.submit(
            () -> {
              slots.acquire(BOB);
              return null;
            });
    await().until(() -> slots.waiting() == 1);
    waiter.cancel(true);
    await().until(() -> slots.waiting() == 0);
    slots.release(ALICE);
    assertThat(slots.inUse()).isZero();
  }
}
