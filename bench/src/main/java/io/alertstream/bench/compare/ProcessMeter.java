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

  /** CPU ms per process of the tree, named by command, for a breakdown of where time went. */
  static java.util.Map<String, Long> cpuMsByProcess(ProcessHandle root) {
    java.util.Map<String, Long> byProcess = new java.util.TreeMap<>();
    for (ProcessHandle p : tree(root)) {
      String command = p.info().commandLine().orElse("?");
      String name =
          command.contains("registry")
              ? "registry"
              : command.contains("LocalLauncher") ? "launcher" : command.split(" ")[0];
      byProcess.merge(name + " (" + p.pid() + ")", cpuMs(p, false), Long::sum);
    }
    return byProcess;
  }

  private static long cpuMs(ProcessHandle p, boolean unused) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MS_PER_TICK;
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
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
