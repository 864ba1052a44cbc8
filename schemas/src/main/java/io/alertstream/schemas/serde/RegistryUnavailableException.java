package io.alertstream.schemas.serde;

/**
 * The schema registry could not answer now: it was unreachable, timed out or answered with a 5xx or
 * 429. Not the fault of the record being read or written; asking again later may succeed.
 */
public class RegistryUnavailableException extends SchemaRegistryException {

  public RegistryUnavailableException(String message) {
    super(message);
  }

  public RegistryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Whether {@code failure}, or any of its causes, is the registry being unavailable. */
  public static boolean causedBy(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof RegistryUnavailableException) {
        return true;
      }
      if (t.getCause() == t) {
        return false;
      }
    }
    return false;
  }
}
