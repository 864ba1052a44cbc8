package io.alertstream.config.cli;

import io.alertstream.templates.TemplateException;
import io.alertstream.templates.TemplateSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/** Checks that the template files a config's {@code templates} glob names parse. */
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
      String problem = parseProblem(file.getFileName().toString(), text);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private static String parseProblem(String name, String text) {
    try {
      TemplateSet.builder().parse(name, text);
      return null;
    } catch (TemplateException e) {
      return e.getMessage();
    }
  }
}
