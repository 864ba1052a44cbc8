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
}
