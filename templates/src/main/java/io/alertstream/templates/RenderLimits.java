package io.alertstream.templates;

import java.time.Duration;

/**
 * How much one notification's rendering may spend, over all its templated fields: characters of
 * output (and of any value a function returns) and wall-clock time. A tenant's template that loops
 * very long or writes megabytes stops at these limits with a {@link TemplateException}, so it can
 * never hold the thread that renders other tenants' notifications.
 *
 * @param maxOutputChars output characters, all fields together; also the longest value a template
 *     function may return
 * @param timeout time from the first field's rendering to the last
 */
public record RenderLimits(long maxOutputChars, Duration timeout) {

  /** 4 Mi characters and one second: far above what the default templates need for 1,000 alerts. */
  public static final RenderLimits DEFAULT =
      new RenderLimits(4L * 1024 * 1024, Duration.ofSeconds(1));

  public RenderLimits {
    if (maxOutputChars <= 0) {
      throw new IllegalArgumentException("maxOutputChars must be positive: " + maxOutputChars);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
  }

  /** A budget for one notification, its clock started now. */
  public RenderBudget start() {
    return new RenderBudget(this, System.nanoTime());
  }
}
