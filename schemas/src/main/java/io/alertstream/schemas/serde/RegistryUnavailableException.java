package io.alertstream.schemas.serde;

import java.util.Optional;

/**
 * The schema registry could not answer now: it was unreachable, timed out or answered with a 5xx or
 * 429. Not the fault of the record being read or written; asking again later may succeed.
 */
public class RegistryUnavailableException extends SchemaRegistryException {

  /** How deep a chain of causes is searched (a chain may loop). */
  private static final int MAX_CAUSES = 32;

  public RegistryUnavailableException(String message) {
    super(message);
  }

  public RegistryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Whether {@code failure}, or any of its causes, is the registry being unavailable. */
  public static boolean causedBy(Throwable failure) {
    return find(failure).isPresent();
  }

  /** The registry's unavailability among {@code failure} and its causes, if it is there. */
  public static Optional<RegistryUnavailableException> find(Throwable failure) {
    Throwable t = failure;
    for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
      if (t instanceof RegistryUnavailableException unavailable) {
        return Optional.of(unavailable);
      }
    }
    return Optional.empty();
  }
}
