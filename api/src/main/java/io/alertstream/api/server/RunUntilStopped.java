package io.alertstream.api.server;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;

/** Keeps a started process running until SIGTERM or Ctrl-C, then closes what it started. */
public final class RunUntilStopped {

  private RunUntilStopped() {}

  /** Logs {@code running}, then blocks until the JVM is asked to stop and {@code parts} closed. */
  public static void await(AutoCloseable parts, Logger log, String running)
      throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("stopping");
                  try {
                    parts.close();
                  } catch (Exception e) {
                    log.warn("stopping failed: {}", e.toString());
                  }
                  log.info("stopped");
                  stopped.countDown();
                }));
    log.info(running);
    stopped.await();
  }
}
