package io.alertstream.connectors.sink;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs deliveries in lanes: one lane per destination (tenant, receiver, integration), first in
 * first out within a lane, lanes independent of each other. A lane whose head must be retried waits
 * alone; other lanes go on, so one tenant's failing endpoint does not hold back another tenant's
 * notifications, while each destination still gets its notifications in order.
 *
 * @param <J> a delivery job
 */
public final class DeliveryLanes<J> {

  /** Runs one attempt of a job: empty when the job is finished, else when to try it again. */
  public interface Attempt<J> extends Function<J, Optional<Duration>> {}

  private final ScheduledExecutorService executor;
  private final Attempt<J> attempt;
  private final Map<String, Deque<J>> lanes = new HashMap<>();
  private int pending;

  public DeliveryLanes(ScheduledExecutorService executor, Attempt<J> attempt) {
    this.executor = executor;
    this.attempt = attempt;
  }

  public synchronized void submit(String lane, J job) {
    Deque<J> queue = lanes.computeIfAbsent(lane, l -> new ArrayDeque<>());
    queue.addLast(job);
    pending++;
    if (queue.size() == 1) {
      schedule(lane, Duration.ZERO);
    }
  }

  /** Jobs submitted and not finished, in all lanes. */
  public synchronized int pending() {
    return pending;
  }

  /**
   * Forgets the waiting jobs that match, e.g. those of partitions this task lost. The head of each
   * lane stays: the attempt function itself should finish a job that is no longer wanted.
   */
  public synchronized void drop(Predicate<J> which) {
    for (Iterator<Deque<J>> it = lanes.values().iterator(); it.hasNext(); ) {
      Deque<J> queue = it.next();
      J head = queue.peekFirst();
      int before = queue.size();
      queue.removeIf(j -> j != head && which.test(j));
      pending -= before - queue.size();
    }
  }

  private void schedule(String lane, Duration delay) {
    executor.schedule(() -> run(lane), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void run(String lane) {
    J head;
    synchronized (this) {
      Deque<J> queue = lanes.get(lane);
      if (queue == null || queue.isEmpty()) {
        return;
      }
      head = queue.peekFirst();
    }
    Optional<Duration> retryIn;
    try {
      retryIn = attempt.apply(head);
    } catch (RuntimeException e) {
      retryIn = Optional.of(Duration.ofSeconds(1));
    }
    synchronized (this) {
      Deque<J> queue = lanes.get(lane);
      if (retryIn.isPresent()) {
        schedule(lane, retryIn.get());
        return;
      }
      queue.pollFirst();
      pending--;
      if (queue.isEmpty()) {
        lanes.remove(lane);
      } else {
        schedule(lane, Duration.ZERO);
      }
    }
  }
}
