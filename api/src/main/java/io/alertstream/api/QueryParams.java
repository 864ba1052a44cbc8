package io.alertstream.api;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The query string of a request, each name with its values in order. */
final class QueryParams {

  private final Map<String, List<String>> values = new LinkedHashMap<>();

  QueryParams(URI uri) {
    String query = uri.getRawQuery();
    if (query == null || query.isEmpty()) {
      return;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  Optional<String> first(String name) {
    List<String> all = all(name);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /** A boolean parameter; {@code fallback} when absent. */
  boolean bool(String name, boolean fallback) throws BadRequestException {
    Optional<String> value = first(name);
    if (value.isEmpty()) {
      return fallback;
    }
    return switch (value.get()) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default ->
          throw new BadRequestException(
              "query parameter " + name + " must be true or false, not \"" + value.get() + "\"");
    };
  }
}
