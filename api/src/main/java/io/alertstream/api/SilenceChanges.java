package io.alertstream.api;

import io.alertstream.config.matchers.Matcher;
import io.alertstream.schemas.SilenceAction;
import io.alertstream.schemas.SilenceEvent;
import io.alertstream.topology.silences.Silence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Alertmanager's rules for creating, updating and expiring silences, as the events to write. An
 * update keeps the silence's id when only its end (or comment, or {@code untilResolved}) changes,
 * or it has not started; otherwise the old silence is expired and a new one made, as Alertmanager
 * does.
 */
final class SilenceChanges {

  /** The events to write and the id of the silence the caller ends up with. */
  record Result(String id, List<SilenceEvent> events) {}

  private final Supplier<String> ids;

  SilenceChanges(Supplier<String> ids) {
    this.ids = ids;
  }

  static SilenceChanges random() {
    return new SilenceChanges(() -> UUID.randomUUID().toString());
  }

  Result post(PostableSilence request, Optional<Silence> existing, long now)
      throws BadRequestException {
    if (request.endsAt() < now) {
      throw new BadRequestException("Failed to create silence: end time can't be in the past");
    }
    List<SilenceEvent> events = new ArrayList<>();
    if (!request.id().isEmpty()) {
      if (existing.isEmpty()) {
        throw new BadRequestException(404, "silence " + request.id() + " not found");
      }
      Silence prev = existing.get();
      if (canUpdate(prev, request, now)) {
        events.add(
            event(
                SilenceAction.UPDATE,
                prev.id(),
                request,
                request.startsAt(),
                untilResolved(request, existing),
                now));
        return new Result(prev.id(), events);
      }
      if (prev.state(now) != Silence.State.EXPIRED) {
        events.add(expiry(prev, now));
      }
    }
    String id = ids.get();
    events.add(
        event(
            SilenceAction.CREATE,
            id,
            request,
            Math.max(request.startsAt(), now),
            untilResolved(request, existing),
            now));
    return new Result(id, events);
  }

  SilenceEvent expire(String id, Optional<Silence> existing, long now) throws BadRequestException {
    if (existing.isEmpty()) {
      throw new BadRequestException(404, "silence " + id + " not found");
    }
    if (existing.get().state(now) == Silence.State.EXPIRED) {
      throw new BadRequestException("silence " + id + " already expired");
    }
    return expiry(existing.get(), now);
  }

  private static boolean canUpdate(Silence prev, PostableSilence next, long now) {
    List<String> nextMatchers = next.matchers().stream().map(Matcher::toString).toList();
    if (!new HashSet<>(prev.matchers()).equals(new HashSet<>(nextMatchers))) {
      return false;
    }
    return switch (prev.state(now)) {
      case EXPIRED -> false;
      case PENDING -> next.startsAt() >= now;
      case ACTIVE -> next.startsAt() == prev.startsAt() && next.endsAt() >= now;
    };
  }

  private static SilenceEvent expiry(Silence prev, long now) {
    boolean pending = prev.state(now) == Silence.State.PENDING;
    return SilenceEvent.newBuilder()
        .setAction(SilenceAction.EXPIRE)
        .setId(prev.id())
        .setMatchers(SilenceMatchers.toEvent(prev.parsedMatchers()))
        .setStartsAt(Instant.ofEpochMilli(pending ? now : prev.startsAt()))
        .setEndsAt(Instant.ofEpochMilli(now))
        .setCreatedBy(prev.createdBy())
        .setComment(prev.comment())
        .setUpdatedAt(Instant.ofEpochMilli(now))
        .setUntilResolved(prev.untilResolved())
        .build();
  }

  /**
   * The request's {@code untilResolved}, or, when it leaves it out (amtool, Grafana), what the
   * silence it updates had.
   */
  private static boolean untilResolved(PostableSilence request, Optional<Silence> existing) {
    if (request.untilResolved() != null) {
      return request.untilResolved();
    }
    return !request.id().isEmpty() && existing.map(Silence::untilResolved).orElse(false);
  }

  private static SilenceEvent event(
      SilenceAction action,
      String id,
      PostableSilence request,
      long startsAt,
      boolean untilResolved,
      long now) {
    return SilenceEvent.newBuilder()
        .setAction(action)
        .setId(id)
        .setMatchers(SilenceMatchers.toEvent(request.matchers()))
        .setStartsAt(Instant.ofEpochMilli(startsAt))
        .setEndsAt(Instant.ofEpochMilli(request.endsAt()))
        .setCreatedBy(request.createdBy())
        .setComment(request.comment())
        .setUpdatedAt(Instant.ofEpochMilli(now))
        .setUntilResolved(untilResolved)
        .build();
  }
}
