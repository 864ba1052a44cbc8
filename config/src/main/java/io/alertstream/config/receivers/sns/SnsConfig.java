package io.alertstream.config.receivers.sns;

import io.alertstream.config.receivers.HttpClientConfig;
import io.alertstream.config.receivers.Secret;
import java.util.Map;

/**
 * One {@code sns_configs} entry, Alertmanager's defaults applied. The API URL, the destinations,
 * the subject, the message and the attributes are templates the notifier renders.
 *
 * @param apiUrl the SNS endpoint; empty for {@code https://sns.<region>.amazonaws.com}
 * @param sigv4 the signing region and credentials
 * @param topicArn a topic; a FIFO topic ({@code .fifo}) gets the group key's hash as message group
 *     and deduplication id
 * @param phoneNumber an SMS destination (E.164)
 * @param targetArn a mobile platform endpoint
 * @param subject empty when the entry sets it empty: then no subject is sent
 * @param attributes message attributes (name and value templates), sent as strings
 */
public record SnsConfig(
    String apiUrl,
    Sigv4 sigv4,
    String topicArn,
    String phoneNumber,
    String targetArn,
    String subject,
    String message,
    Map<String, String> attributes,
    boolean sendResolved,
    HttpClientConfig http) {

  /**
   * The signing settings. Without keys the AWS SDK's default credentials chain (system properties,
   * environment, profile file, container and instance credentials) supplies them.
   *
   * @param region the signing region; empty for the SDK's settings (system property, environment,
   *     profile)
   * @param accessKey empty for the default chain
   * @param secretKey a secret; empty for the default chain
   * @param profile the named profile the chain reads; empty for the default one
   */
  public record Sigv4(String region, String accessKey, Secret secretKey) {

    @Override
    public String toString() {
      return "Sigv4[region=" + region + ", accessKey=<secret>, secretKey=<secret>]";
    }
  }

  public SnsConfig {
    attributes = Map.copyOf(attributes);
  }

  @Override
  public String toString() {
    return "SnsConfig[topicArn="
        + topicArn
        + ", phoneNumber="
        + (phoneNumber.isEmpty() ? "none" : Secret.MASK)
        + ", targetArn="
        + targetArn
        + ", sigv4="
        + sigv4
        + ", sendResolved="
        + sendResolved
        + "]";
  }
}
