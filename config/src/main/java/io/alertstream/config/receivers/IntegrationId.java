package io.alertstream.config.receivers;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The stable id of one integration: its type and a digest of the receiver's name, the type and
 * every setting of the integration (global defaults applied, secrets included). Two configs that
 * give an integration the same settings give it the same id, whatever its position; any change of a
 * setting (another channel, another URL) makes it another integration. The digest reveals no
 * setting.
 */
public final class IntegrationId {

  private static final HexFormat HEX = HexFormat.of();

  private IntegrationId() {}

  /**
   * @param settings the integration's settings record, e.g. a {@link SlackConfig}
   */
  public static String of(String receiver, String type, Object settings) {
    StringBuilder canonical = new StringBuilder();
    canonical.append(receiver).append('\u0000').append(type).append('\u0000');
    append(canonical, settings);
    byte[] digest = sha256().digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
    return type + '-' + HEX.formatHex(digest, 0, 10);
  }

  /** Writes a value so that equal settings give equal text and different ones different text. */
  private static void append(StringBuilder out, Object value) {
    if (value == null) {
      out.append('~');
    } else if (value instanceof Secret secret) {
      quoted(out, secret.value() == null ? "" : secret.value());
    } else if (value instanceof Optional<?> optional) {
      append(out, optional.orElse(null));
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      for (Map.Entry<String, ?> e : sorted(map).entrySet()) {
        quoted(out, e.getKey());
        out.append(':');
        append(out, e.getValue());
        out.append(',');
      }
      out.append('}');
    } else if (value instanceof Collection<?> items) {
      out.append('[');
      for (Object item : items) {
        append(out, item);
        out.append(',');
      }
      out.append(']');
    } else if (value.getClass().isRecord()) {
      out.append(value.getClass().getSimpleName()).append('(');
      for (RecordComponent component : value.getClass().getRecordComponents()) {
        out.append(component.getName()).append('=');
        append(out, read(component, value));
        out.append(',');
      }
      out.append(')');
    } else {
      quoted(out, String.valueOf(value));
    }
  }

  private static Map<String, ?> sorted(Map<?, ?> map) {
    Map<String, Object> sorted = new TreeMap<>();
    map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
    return sorted;
  }

  private static void quoted(StringBuilder out, String text) {
    out.append(text.length()).append(':').append(text);
  }

  private static Object read(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read setting " + component.getName(), e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}
