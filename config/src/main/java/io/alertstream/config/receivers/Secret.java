package io.alertstream.config.receivers;

/**
 * A value never shown: its {@link #toString()} is {@code <secret>}; {@link #value()} reveals it.
 */
public record Secret(String value) {

  public static final String MASK = "<secret>";

  public boolean isEmpty() {
    return value == null || value.isEmpty();
  }

  @Override
  public String toString() {
    return MASK;
  }
}
