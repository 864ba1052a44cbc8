package io.alertstream.api.server;

import io.alertstream.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Alertstream's topics with their cleanup policies. The tenant-keyed input topics share one
 * partition count so that a tenant's alerts, config and silences meet in one task.
 */
public final class TopicPlan {

  private static final String SEVEN_DAYS = Long.toString(Duration.ofDays(7).toMillis());
  private static final String ONE_YEAR = Long.toString(Duration.ofDays(365).toMillis());

  private TopicPlan() {}

  public static List<NewTopic> topics(
      int partitions, short replicationFactor, List<String> integrationTypes) {
    List<NewTopic> topics = new ArrayList<>();
    topics.add(topic(Topics.ALERTS, partitions, replicationFactor, delete(SEVEN_DAYS)));
    topics.add(topic(Topics.ALERTS_DLQ, partitions, replicationFactor, delete(SEVEN_DAYS)));
    topics.add(
        topic(
            Topics.CONFIGS,
            partitions,
            replicationFactor,
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
    topics.add(topic(Topics.SILENCES, partitions, replicationFactor, delete(ONE_YEAR)));
    topics.add(topic(Topics.DRY_RUN, partitions, replicationFactor, delete(SEVEN_DAYS)));
    topics.add(topic(Topics.DELIVERY_OUTCOMES, partitions, replicationFactor, delete(SEVEN_DAYS)));
    topics.add(topic(Topics.DECISIONS, partitions, replicationFactor, delete(SEVEN_DAYS)));
    for (String type : integrationTypes) {
      topics.add(
          topic(Topics.notifications(type), partitions, replicationFactor, delete(SEVEN_DAYS)));
      topics.add(
          topic(Topics.notificationsDlq(type), partitions, replicationFactor, delete(SEVEN_DAYS)));
    }
    topics.add(topic(Topics.NOTIFICATIONS_DLQ, partitions, replicationFactor, delete(SEVEN_DAYS)));
    return topics;
  }

  /** Creates the topics that do not exist yet; returns the names it created. */
  public static Set<String> ensure(Admin admin, List<NewTopic> topics)
      throws InterruptedException, ExecutionException {
    Set<String> existing = admin.listTopics().names().get();
    List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
    try {
      admin.createTopics(missing).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
    return Set.copyOf(missing.stream().map(NewTopic::name).toList());
  }

  private static Map<String, String> delete(String retentionMs) {
    return Map.of(
        TopicConfig.CLEANUP_POLICY_CONFIG,
        TopicConfig.CLEANUP_POLICY_DELETE,
        TopicConfig.RETENTION_MS_CONFIG,
        retentionMs);
  }

  private static NewTopic topic(
      String name, int partitions, short rf, Map<String, String> configs) {
    return new NewTopic(name, partitions, rf).configs(configs);
  }
}
