package io.alertstream.topology.metrics;

/**
 * What the live topology tells the instance's metrics as it works: alerts received, refused and
 * marked, configs applied or refused, groups not opened. Replays and what-if runs use {@link
 * #NONE}, so that they count nothing.
 */
public interface TopologyMetrics {

  /** Counts nothing and keeps no marks. */
  TopologyMetrics NONE =
      new TopologyMetrics() {
        @Override
        public void alertReceived(String tenant, boolean firing) {}

        @Override
        public void alertInvalid(String tenant) {}

        @Override
        public void alertInsertLimited(String tenant) {}

        @Override
        public void groupLimitReached(String tenant) {}

        @Override
        public void configApplied(String tenant) {}

        @Override
        public void configRefused(String tenant) {}

        @Override
        public AlertMarks openTask() {
          return AlertMarks.NONE;
        }

        @Override
        public void closeTask(AlertMarks marks) {}
      };

  void alertReceived(String tenant, boolean firing);

  /**
   * A record of the alerts topic could not be read as an alert.
   *
   * @param tenant its tenant, null when its key is not a tenant id
   */
  void alertInvalid(String tenant);

  /** A new alert went to the dead letter topic: the tenant is at one of its alert limits. */
  void alertInsertLimited(String tenant);

  /** An alert was not grouped: the tenant is at its limit of aggregation groups. */
  void groupLimitReached(String tenant);

  /** A tenant's new config is in force. */
  void configApplied(String tenant);

  /** A tenant's new config did not parse; the last good one stays. */
  void configRefused(String tenant);

  /** The alert marks of a task that starts; {@link #closeTask} when it closes. */
  AlertMarks openTask();

  void closeTask(AlertMarks marks);
}
