package io.alertstream.bench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** CPU time and resident memory of a process and all its descendants, from /proc. */
final class ProcessMeter {

  /** Linux reports CPU time in clock ticks of 1/100 s on every platform Java runs on here. */
  private static final long MS_PER_TICK = 10;

  private ProcessMeter() {}

  static List<ProcessHandle> tree(ProcessHandle root) {
    List<ProcessHandle> all = new ArrayList<>();
    all.add(root);
    try (Stream<ProcessHandle> children = root.descendants()) {
      children.forEach(all::add);
    }
    return all;
  }

  /** User plus system CPU time, in ms, of the process tree. */
  static long cpuMs(ProcessHandle root) {
    long ticks = 0;
    for (ProcessHandle p : tree(root)) {
      try {
        String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
        // The command name may hold spaces: fields count from after its closing parenthesis.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      } catch (IOException | RuntimeException gone) {
        // exited meanwhile
      }
    }
    return ticks * MS_PER_TICK;
  }

  /**
   * CPU ms per thread name (digits and ids folded, so pools add up) over the process tree, for
   * seeing where a phase's time went.
   */
  static java.util.Map<String, Long> cpuMsByThread(ProcessHandle root) {
    java.util.Map<String, Long> byThread = new java.util.HashMap<>();
    for (ProcessHandle p : tree(root)) {
      Path tasks = Path.of("/proc", Long.toString(p.pid()), "task");
      try (Stream<Path> threads = Files.list(tasks)) {
        threads.forEach(
            t -> {
              try {
                String name =
                    Files.readString(t.resolve("comm"))
                        .trim()
                        .replaceAll("[0-9a-f]{6,}.*|[0-9]+", "#");
                String stat = Files.readString(t.resolve("stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ms = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MS_PER_TICK;
                byThread.merge(name, ms, Long::sum);
              } catch (IOException | RuntimeException gone) {
                // exited meanwhile
              }
            });
      } catch (IOException gone) {
        // exited meanwhile
      }
    }
    return byThread;
  }

  /**
   * CPU ms of the JVM's JIT compiler threads between two readings (none for Go). The JVM stops
   * compiler threads it no longer needs, and a stopped thread's time leaves the reading with it, so
   * this may count less than was spent, never less than zero.
   */
  static long jitMs(java.util.Map<String, Long> before, java.util.Map<String, Long> after) {
    return after.entrySet().stream()
        .filter(e -> e.getKey().contains("CompilerThre"))
        .mapToLong(e -> Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .sum();
  }

  /** The threads that used the most CPU between two readings, as "name=ms" items. */
  static List<String> topThreads(
      java.util.Map<String, Long> before, java.util.Map<String, Long> after, int count) {
    return after.entrySet().stream()
        .map(
            e ->
                java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0)
        .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(count)
        .map(e -> e.getKey() + "=" + e.getValue())
        .toList();
  }

  /** Resident set size, in bytes, of the process tree. */
  static long rssBytes(ProcessHandle root) {
    long kb = 0;
    for (ProcessHandle p : tree(root)) {
      try {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"))) {
          if (line.startsWith("VmRSS:")) {
            kb += Long.parseLong(line.replaceAll("[^0-9]", ""));
          }
        }
      } catch (IOException | RuntimeException gone) {
        // exited meanwhile
      }
    }
    return kb * 1024;
  }
}
