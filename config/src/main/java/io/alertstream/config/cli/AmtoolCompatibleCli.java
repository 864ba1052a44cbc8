package io.alertstream.config.cli;

import io.alertstream.config.AlertmanagerConfig;
import io.alertstream.config.ConfigParser;
import io.alertstream.config.ConfigWarning;
import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.matchers.MatcherSyntaxException;
import io.alertstream.config.routing.Route;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The config commands of {@code ./alertstream}, with amtool's flags, output and exit codes: {@code
 * check-config FILE...}, {@code routes --config.file=F} and {@code routes test --config.file=F
 * [--verify.receivers=a,b] name=value...}. amtool's {@code config} prefix is accepted too.
 */
public final class AmtoolCompatibleCli {

  static final String USAGE =
      """
      usage: ./alertstream check-config FILE...
             ./alertstream routes [test] --config.file=FILE [--verify.receivers=a,b] [name=value...]

        check-config FILE...   validate alertmanager.yml files and the templates they name, as
                               'amtool check-config' does; exit 1 if one is invalid. A WARNING
                               line names a key that is accepted but not acted on, and why
        routes                 print the routing tree of --config.file, as 'amtool config routes'
        routes test            print the receivers an alert with the labels name=value reaches, as
                               'amtool config routes test'; with --verify.receivers, exit 1 when
                               they are not exactly those
        --help, -h             show this
      """;

  private final PrintStream out;
  private final PrintStream err;

  public AmtoolCompatibleCli(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(new AmtoolCompatibleCli(System.out, System.err).run(args));
  }

  /** Runs a command; returns the exit code. */
  public int run(String... argv) {
    List<String> args = new ArrayList<>(Arrays.asList(argv));
    if (!args.isEmpty() && args.get(0).equals("config")) {
      args.remove(0);
    }
    if (args.contains("--help") || args.contains("-h")) {
      out.print(USAGE);
      return 0;
    }
    if (args.isEmpty()) {
      return usage("no command given");
    }
    String command = args.remove(0);
    try {
      return switch (command) {
        case "check-config" -> checkConfig(args);
        case "routes" -> routes(args);
        default -> usage("unknown command " + command);
      };
    } catch (IOException e) {
      err.println("alertstream: error: " + e.getMessage());
      return 1;
    }
  }

  private int checkConfig(List<String> files) {
    if (files.isEmpty()) {
      return usage("check-config needs at least one file");
    }
    int failed = 0;
    for (String file : files) {
      Path path = Path.of(file);
      if (!Files.exists(path)) {
        err.println("alertstream: error: path '" + file + "' does not exist");
        return 1;
      }
      out.print("Checking '" + file + "'");
      try {
        AlertmanagerConfig config =
            new ConfigParser().parse(Files.readString(path, StandardCharsets.UTF_8));
        out.println("  SUCCESS");
        for (ConfigWarning warning : config.warnings()) {
          out.println("  WARNING: " + warning);
        }
        out.println("Found:");
        out.println(" - global config");
        out.println(" - route");
        out.println(" - " + config.inhibitRules().size() + " inhibit rules");
        out.println(" - " + config.receivers().size() + " receivers");
        out.println(" - " + config.templates().size() + " templates");
        for (String template : config.templates()) {
          String problem = TemplateFiles.check(path.toAbsolutePath().getParent(), template);
          if (problem == null) {
            out.println("  SUCCESS");
          } else {
            out.println("  FAILED: " + problem);
            failed++;
          }
        }
      } catch (InvalidConfigException e) {
        out.println("  FAILED: " + e.getMessage());
        failed++;
      } catch (IOException e) {
        out.println("  FAILED: " + e.getMessage());
        failed++;
      }
      out.println();
    }
    if (failed > 0) {
      err.println("alertstream: error: failed to validate " + failed + " file(s)");
      return 1;
    }
    return 0;
  }

  private int routes(List<String> args) throws IOException {
    boolean test = !args.isEmpty() && args.get(0).equals("test");
    if (test) {
      args.remove(0);
    }
    String configFile = null;
    String verify = null;
    List<String> labels = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith("--config.file=")) {
        configFile = arg.substring("--config.file=".length());
      } else if (arg.startsWith("--verify.receivers=")) {
        verify = arg.substring("--verify.receivers=".length());
      } else if (arg.startsWith("--")) {
        return usage("unknown flag " + arg);
      } else {
        labels.add(arg);
      }
    }
    if (configFile == null) {
      return usage("--config.file is required");
    }
    AlertmanagerConfig config;
    try {
      config =
          new ConfigParser().parse(Files.readString(Path.of(configFile), StandardCharsets.UTF_8));
    } catch (InvalidConfigException e) {
      err.println(
          "alertstream: error: failed to load config " + configFile + ": " + e.getMessage());
      return 1;
    }
    if (!test) {
      out.print(RouteTreePrinter.print(config.route()));
      return 0;
    }
    List<Route> routes;
    try {
      routes = config.route().match(LabelArgs.parse(labels));
    } catch (MatcherSyntaxException e) {
      err.println("alertstream: error: " + e.getMessage());
      return 1;
    }
    String receivers = routes.stream().map(Route::receiver).collect(Collectors.joining(","));
    out.println(receivers);
    if (verify != null && !verify.equals(receivers)) {
      out.println("WARNING: Expected receivers did not match resolved receivers.");
      return 1;
    }
    return 0;
  }

  private int usage(String problem) {
    err.println("alertstream: error: " + problem);
    err.print(USAGE);
    return 2;
  }
}
