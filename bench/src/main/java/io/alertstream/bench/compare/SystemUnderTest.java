package io.alertstream.bench.compare;

import java.time.Duration;

/** Alertmanager or Alertstream, run as child processes so that all their CPU and memory count. */
interface SystemUnderTest extends AutoCloseable {

  String name();

  /** Starts on a fresh data folder and returns once it serves. */
  void start() throws Exception;

  /** Routes the workload's tenants' alerts to the receiver, grouped by alertname and instance. */
  void configure(Workload workload, String receiverUrl, Duration groupWait, Duration groupInterval)
      throws Exception;

  String apiUrl();

  /** Whether alerts carry their tenant in X-Scope-OrgID (else only as a label). */
  boolean tenantHeader();

  /** The root of the system's processes. */
  ProcessHandle process();

  /** Returns once everything sent so far has been processed (not only accepted). */
  void awaitIngested() throws Exception;

  /** Bytes the system keeps on disk for its state. */
  long stateBytes() throws Exception;

  /** Stops with SIGTERM, starts again, and returns how long until it serves the workload again. */
  Duration restart(Workload workload) throws Exception;

  @Override
  void close();
}
