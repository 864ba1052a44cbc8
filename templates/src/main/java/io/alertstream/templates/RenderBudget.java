package io.alertstream.templates;

/**
 * What is left of one notification's {@link RenderLimits} while its fields render. One per
 * notification and thread: not safe to share between threads.
 */
public final class RenderBudget {

  /** Checking the clock at every step would cost more than the step; every 64th is enough. */
  private static final int STEPS_PER_CLOCK_CHECK = 64;

  private final RenderLimits limits;
  private final long deadlineNanos;
  private long charged;
  private int steps;

  RenderBudget(RenderLimits limits, long startNanos) {
    this.limits = limits;
    this.deadlineNanos = startNanos + limits.timeout().toNanos();
  }

  /** One step of execution; fails once the time is up. */
  void step() throws TemplateException {
    if (++steps % STEPS_PER_CLOCK_CHECK == 0) {
      checkTime();
    }
  }

  void checkTime() throws TemplateException {
    if (System.nanoTime() - deadlineNanos > 0) {
      throw new TemplateException(
          "rendering stopped: it took longer than "
              + limits.timeout().toMillis()
              + " ms (render limit)");
    }
  }

  /** Fails if a rendering that has written {@code pending} characters so far is over the limit. */
  void checkOutput(long pending) throws TemplateException {
    if (charged + pending > limits.maxOutputChars()) {
      throw new TemplateException(
          "rendering stopped: output longer than "
              + limits.maxOutputChars()
              + " characters (render limit)");
    }
  }

  /** Fails if a function returned a string longer than any output could be. */
  void checkValue(Object value) throws TemplateException {
    if (value instanceof CharSequence s && s.length() > limits.maxOutputChars()) {
      throw new TemplateException(
          "rendering stopped: a value longer than "
              + limits.maxOutputChars()
              + " characters (render limit)");
    }
  }

  /** The longest string a function may build now. */
  long maxValueChars() {
    return limits.maxOutputChars();
  }

  /** Counts a finished rendering's output against the limit. */
  void charge(long chars) {
    charged += chars;
  }
}
