package io.alertstream.config.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks the template files a config's {@code templates} glob names. Until Alertstream has its own
 * template engine this only finds actions that are never closed.
 */
final class TemplateFiles {

  private TemplateFiles() {}

  /** The problem with the files the glob names, or null when there is none. */
  static String check(Path baseDir, String glob) throws IOException {
    Path pattern = baseDir.resolve(glob);
    PathMatcher matcher;
    try {
      matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    } catch (IllegalArgumentException e) {
      return "syntax error in pattern";
    }
    if (glob.chars().filter(c -> c == '[').count() != glob.chars().filter(c -> c == ']').count()) {
      return "syntax error in pattern";
    }
    Path dir = pattern.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      return null;
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(matcher::matches).sorted().toList();
    }
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String problem = unclosedAction(file.getFileName().toString(), text);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private static String unclosedAction(String name, String text) {
    int from = 0;
    while (true) {
      int open = text.indexOf("{{", from);
      if (open < 0) {
        return null;
      }
      int close = text.indexOf("}}", open + 2);
      int nextOpen = text.indexOf("{{", open + 2);
      if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
        int line = (int) text.substring(0, open).chars().filter(c -> c == '\n').count() + 1;
        return "template: " + name + ": unclosed action started at " + name + ":" + line;
      }
      from = close + 2;
    }
  }
}
