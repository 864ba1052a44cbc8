package io.alertstream.api;

/**
 * How an instance describes its build, where Alertmanager describes its own: in the status API's
 * {@code versionInfo} and the {@code *_build_info} metrics.
 */
public final class BuildInfo {

  /**
   * The Alertmanager version whose API this one matches. amtool compares it with its own version
   * and warns (on standard output, into JSON output too) when they differ.
   */
  public static final String COMPATIBLE_VERSION = "0.25.0";

  /** Alertstream's own version, from the jar's manifest. */
  public static final String VERSION =
      BuildInfo.class.getPackage().getImplementationVersion() == null
          ? "dev"
          : BuildInfo.class.getPackage().getImplementationVersion();

  public static final String REVISION = "alertstream-" + VERSION;
  public static final String BRANCH = "alertstream";

  /** In place of Go's version. */
  public static final String RUNTIME = "java" + Runtime.version().feature();

  private BuildInfo() {}
}
