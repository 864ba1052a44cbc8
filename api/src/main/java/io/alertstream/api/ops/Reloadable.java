package io.alertstream.api.ops;

/** Something {@code /-/reload} re-reads: a file the instance was started with. */
public interface Reloadable {

  /** What it is, for the answer and the log. */
  String name();

  /**
   * Reads it again and applies it.
   *
   * @return one line on what changed
   * @throws Exception naming what is wrong; what was in force stays
   */
  String reload() throws Exception;

  /** A part with this name, reloaded by {@code reload}. */
  static Reloadable of(String name, java.util.concurrent.Callable<String> reload) {
    return new Reloadable() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String reload() throws Exception {
        return reload.call();
      }
    };
  }
}
