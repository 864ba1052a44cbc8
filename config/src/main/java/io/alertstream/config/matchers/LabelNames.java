package io.alertstream.config.matchers;

/**
 * Which label names Alertmanager 0.27 and later accepts without feature flags: any non-empty valid
 * UTF-8 text ({@code service.name}, {@code "Größe"}), not only 0.25's {@code
 * [a-zA-Z_][a-zA-Z0-9_]*}.
 */
public final class LabelNames {

  private LabelNames() {}

  /** Non-empty, with no unpaired surrogate (what valid UTF-8 is for a Java string). */
  public static boolean isValid(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= name.length() || !Character.isLowSurrogate(name.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
