package dev.fileshare.inspection.pdf;

import dev.fileshare.shared.UserId;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A fixed number of slots, given first come, first served, except that one uploader holds at most
 * {@code perUploader} of them at once: their further documents wait aside, and whoever comes after
 * them with room in their own share goes first. So one uploader with many documents never queues
 * everyone else behind them.
 */
final class InspectionSlots {

  /** One waiting document; compared by identity, so that one uploader may wait several times. */
  private static final class Ticket {
    final UserId uploader;

    Ticket(UserId uploader) {
      this.uploader = uploader;
    }
  }

  private final int capacity;
  private final int perUploader;
  private final Map<UserId, Integer> held = new HashMap<>();
  private final ArrayDeque<Ticket> waiting = new ArrayDeque<>();
  private int inUse;

  InspectionSlots(int capacity, int perUploader) {
    this.capacity = capacity;
    this.perUploader = Math.min(perUploader, capacity);
  }

  /** Waits for a slot the uploader may take, and takes it. */
  synchronized void acquire(UserId uploader) throws InterruptedException {
    var ticket = new Ticket(uploader);
    waiting.addLast(ticket);
    try {
      while (next() != ticket) {
        wait();
      }
    } catch (InterruptedException e) {
      waiting.removeIf(t -> t == ticket);
      notifyAll();
      throw e;
    }
    waiting.removeIf(t -> t == ticket);
    inUse++;
    held.merge(uploader, 1, Integer::sum);
    notifyAll(); // the next in line may have room too
  }

  /** Gives back a slot the uploader took. */
  synchronized void release(UserId uploader) {
    inUse--;
    held.computeIfPresent(uploader, (who, n) -> n == 1 ? null : n - 1);
    notifyAll();
  }

  /** The first waiting ticket whose uploader has room in their share, if a slot is free. */
  private @Nullable Ticket next() {
    if (inUse >= capacity) {
      return null;
    }
    for (var ticket : waiting) {
      if (held.getOrDefault(ticket.uploader, 0) < perUploader) {
        return ticket;
      }
    }
    return null;
  }

  /** How many wait for a slot now. */
  synchronized int waiting() {
    return waiting.size();
  }

  /** How many slots are taken now. */
  synchronized int inUse() {
    return inUse;
  }
}
