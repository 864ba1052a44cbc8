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
 * Runs deliveries in lanes: one lane per aggregation group of a destination (tenant, receiver,
 * integration), first in first out within a lane, as Alertmanager runs one notification pipeline
 * per group. Lanes are independent: a lane whose head must be retried waits alone, so a burst of
 * new groups goes out concurrently and one tenant's failing endpoint does not hold back anyone
 * else's. At most {@code perDestination} lanes of one destination run an attempt at once, so a
 * destination that hangs cannot take every delivery thread.
 *
 * @param <J> a delivery job
 */
public final class DeliveryLanes<J> {

  /** Runs one attempt of a job: empty when the job is finished, else when to try it again. */
  public interface Attempt<J> extends Function<J, Optional<Duration>> {}

  /** A group's lane within a destination. */
  private record Lane(String destination, String group) {}

  /** A destination's attempts in flight, and its lanes waiting for one of those to finish. */
  private static final class Destination {
    int running;
    final Deque<Lane> waiting = new ArrayDeque<>();
  }

  private final ScheduledExecutorService executor;
  private final Attempt<J> attempt;
  private final int perDestination;
  private final Map<Lane, Deque<J>> lanes = new HashMap<>();
  private final Map<String, Destination> destinations = new HashMap<>();
  private int pending;

  public DeliveryLanes(ScheduledExecutorService executor, int perDestination, Attempt<J> attempt) {
    this.executor = executor;
    this.perDestination = perDestination;
    this.attempt = attempt;
  }

  public synchronized void submit(String destination, String group, J job) {
    Lane lane = new Lane(destination, group);
    Deque<J> queue = lanes.computeIfAbsent(lane, l -> new ArrayDeque<>());
    queue.addLast(job);
    pending++;
    if (queue.size() == 1) {
      ready(lane);
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

  /** The lane's head may be attempted now: at once if its destination has room, else in turn. */
  private synchronized void ready(Lane lane) {
    Destination d = destinations.computeIfAbsent(lane.destination(), k -> new Destination());
    if (d.running < perDestination) {
      d.running++;
      executor.execute(() -> run(lane));
    } else {
      d.waiting.addLast(lane);
    }
  }

  private void run(Lane lane) {
    J head;
    synchronized (this) {
      head = lanes.get(lane).peekFirst();
    }
    Optional<Duration> retryIn;
    try {
      retryIn = attempt.apply(head);
    } catch (RuntimeException e) {
      retryIn = Optional.of(Duration.ofSeconds(1));
    }
    synchronized (this) {
      Destination d = destinations.get(lane.destination());
      d.running--;
      Lane next = d.waiting.pollFirst();
      if (next != null) {
        d.running++;
        executor.execute(() -> run(next));
      } else if (d.running == 0) {
        destinations.remove(lane.destination());
      }
      if (retryIn.isPresent()) {
        executor.schedule(() -> ready(lane), retryIn.get().toMillis(), TimeUnit.MILLISECONDS);
        return;
      }
      Deque<J> queue = lanes.get(lane);
      queue.pollFirst();
      pending--;
      if (queue.isEmpty()) {
        lanes.remove(lane);
      } else {
        ready(lane);
      }
    }
  }
}
