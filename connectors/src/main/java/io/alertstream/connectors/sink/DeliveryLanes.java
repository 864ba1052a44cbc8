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
 * else's. At most {@code perDestination} lanes of one destination, and {@code perTenant} of one
 * tenant, run an attempt at once, so neither a destination that hangs nor a tenant with many slow
 * receivers (or slow templates) can take every delivery thread. A tenant's destinations that wait
 * for one of its slots take turns.
 *
 * @param <J> a delivery job
 */
public final class DeliveryLanes<J> {

  /** Runs one attempt of a job: empty when the job is finished, else when to try it again. */
  public interface Attempt<J> extends Function<J, Optional<Duration>> {}

  /** A group's lane within a destination of a tenant. */
  private record Lane(String tenant, String destination, String group) {}

  /** A destination's attempts in flight, and its lanes waiting for a slot. */
  private static final class Destination {
    int running;
    final Deque<Lane> waiting = new ArrayDeque<>();

    /** In its tenant's turn list: it has waiting lanes and room, but the tenant has none. */
    boolean queued;
  }

  /** A tenant's attempts in flight, and its destinations waiting for a tenant slot, in turn. */
  private static final class Tenant {
    int running;
    final Deque<Destination> turns = new ArrayDeque<>();
  }

  private final ScheduledExecutorService executor;
  private final Attempt<J> attempt;
  private final int perDestination;
  private final int perTenant;
  private final Map<Lane, Deque<J>> lanes = new HashMap<>();
  private final Map<String, Destination> destinations = new HashMap<>();
  private final Map<String, Tenant> tenants = new HashMap<>();
  private int pending;

  public DeliveryLanes(
      ScheduledExecutorService executor, int perDestination, int perTenant, Attempt<J> attempt) {
    this.executor = executor;
    this.perDestination = perDestination;
    this.perTenant = perTenant;
    this.attempt = attempt;
  }

  /**
   * @param destination names the tenant's receiver and integration; unique across tenants
   */
  public synchronized void submit(String tenant, String destination, String group, J job) {
    Lane lane = new Lane(tenant, destination, group);
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

  /** The lane's head may be attempted now: at once if there is room, else in turn. */
  private synchronized void ready(Lane lane) {
    Destination d = destinations.computeIfAbsent(lane.destination(), k -> new Destination());
    Tenant t = tenants.computeIfAbsent(lane.tenant(), k -> new Tenant());
    if (d.running < perDestination && t.running < perTenant && d.waiting.isEmpty()) {
      start(lane, d, t);
      return;
    }
    d.waiting.addLast(lane);
    queueForTenant(d, t);
    startTurns(t);
  }

  private void start(Lane lane, Destination d, Tenant t) {
    d.running++;
    t.running++;
    executor.execute(() -> run(lane));
  }

  /** A destination with waiting lanes and room of its own waits its turn for a tenant slot. */
  private void queueForTenant(Destination d, Tenant t) {
    if (!d.queued && !d.waiting.isEmpty() && d.running < perDestination) {
      d.queued = true;
      t.turns.addLast(d);
    }
  }

  /** Gives the tenant's free slots to its waiting destinations, one lane each in turn. */
  private void startTurns(Tenant t) {
    while (t.running < perTenant && !t.turns.isEmpty()) {
      Destination d = t.turns.pollFirst();
      d.queued = false;
      if (d.running < perDestination && !d.waiting.isEmpty()) {
        start(d.waiting.pollFirst(), d, t);
        queueForTenant(d, t);
      }
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
      release(lane);
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

  /** The lane's attempt is over: its slots go to the lanes waiting for them. */
  private void release(Lane lane) {
    Destination d = destinations.get(lane.destination());
    Tenant t = tenants.get(lane.tenant());
    d.running--;
    t.running--;
    queueForTenant(d, t);
    startTurns(t);
    if (d.running == 0 && d.waiting.isEmpty()) {
      destinations.remove(lane.destination());
    }
    if (t.running == 0 && t.turns.isEmpty()) {
      tenants.remove(lane.tenant());
    }
  }
}
