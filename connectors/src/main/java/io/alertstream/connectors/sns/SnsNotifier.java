package io.alertstream.connectors.sns;

import io.alertstream.config.receivers.sns.SnsConfig;
import io.alertstream.connectors.delivery.GoUrlValues;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.notify.Notifier;
import io.alertstream.connectors.rendering.FieldRendering;
import io.alertstream.connectors.rendering.GroupKeyHash;
import io.alertstream.connectors.rendering.NotificationData;
import io.alertstream.schemas.Notification;
import io.alertstream.templates.TemplateSet;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * An SNS {@code Publish} as Alertmanager makes it, through the AWS Query API: to a topic (a FIFO
 * topic gets the group key's hash as message group and deduplication id), a phone number or a
 * platform endpoint, with the subject, the message (cut to SNS's size) and string attributes. The
 * request goes through Alertstream's HTTP client; it is an exchange of one call so that it is
 * signed (SigV4, the AWS SDK's signer) when it is sent, afresh for every attempt.
 */
public final class SnsNotifier implements Notifier<SnsConfig> {

  /** SNS's limit for a message, in bytes. */
  static final int MAX_MESSAGE_BYTES = 256 * 1024;

  /** The limit for an SMS message, in bytes, as Alertmanager applies it. */
  static final int MAX_SMS_BYTES = 1600;

  private final Clock clock;

  public SnsNotifier() {
    this(Clock.systemUTC());
  }

  SnsNotifier(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String type() {
    return "sns";
  }

  @Override
  public Class<SnsConfig> settingsType() {
    return SnsConfig.class;
  }

  @Override
  public Prepared prepare(Notification n, SnsConfig sns, TemplateSet templates) throws Refusal {
    FieldRendering r = new FieldRendering(templates, NotificationData.of(n));
    String region = sns.sigv4().region();
    URI endpoint = endpoint(r.field("api_url", sns.apiUrl(), ""), region);
    String body = GoUrlValues.encode(publish(n, sns, r));
    Outbound.HttpCall unsigned =
        Outbound.HttpCall.post(
            endpoint,
            Map.of("Content-Type", "application/x-www-form-urlencoded"),
            body.getBytes(StandardCharsets.UTF_8),
            sns.http(),
            List.of(),
            SnsAnswers.CHECK);
    return new Prepared(
        new Outbound.Exchange(
            unsigned,
            caller -> {
              AwsCredentialsIdentity credentials =
                  AwsCredentialsIdentity.create(
                      sns.sigv4().accessKey(), sns.sigv4().secretKey().value());
              Outbound.HttpCall signed =
                  SigV4Signing.sign(unsigned, "sns", region, credentials, clock);
              try {
                return caller.outcome(signed, caller.call(signed));
              } catch (Outbound.NoAnswer e) {
                return e.result();
              }
            }),
        r.problems());
  }

  /** The Publish parameters (the form sorts them). */
  private static Map<String, String> publish(Notification n, SnsConfig sns, FieldRendering r) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("Action", "Publish");
    p.put("Version", "2010-03-31");
    Map<String, String> attributes = new TreeMap<>();
    sns.attributes()
        .forEach(
            (k, v) ->
                attributes.put(r.field("attributes", k, ""), r.field("attributes." + k, v, "")));
    int limit = MAX_MESSAGE_BYTES;
    if (!sns.topicArn().isEmpty()) {
      String topicArn = r.field("topic_arn", sns.topicArn(), "");
      p.put("TopicArn", topicArn);
      if (topicArn.endsWith(".fifo")) {
        String key = GroupKeyHash.of(n.getGroupKey());
        p.put("MessageDeduplicationId", key);
        p.put("MessageGroupId", key);
      }
    }
    if (!sns.phoneNumber().isEmpty()) {
      p.put("PhoneNumber", r.field("phone_number", sns.phoneNumber(), ""));
      limit = MAX_SMS_BYTES;
    }
    if (!sns.targetArn().isEmpty()) {
      p.put("TargetArn", r.field("target_arn", sns.targetArn(), ""));
    }
    String message = r.field("message", sns.message(), "{{ template \"sns.default.message\" . }}");
    String cut = truncateInBytes(message, limit);
    if (!cut.equals(message)) {
      attributes.put("truncated", "true");
    }
    p.put("Message", cut);
    int i = 1;
    for (Map.Entry<String, String> a : attributes.entrySet()) {
      String entry = "MessageAttributes.entry." + i++;
      p.put(entry + ".Name", a.getKey());
      p.put(entry + ".Value.DataType", "String");
      p.put(entry + ".Value.StringValue", a.getValue());
    }
    if (!sns.subject().isEmpty()) {
      p.put(
          "Subject", r.field("subject", sns.subject(), "{{ template \"sns.default.subject\" . }}"));
    }
    return p;
  }

  /**
   * The text cut to at most {@code max} bytes of UTF-8, at a character boundary (Alertmanager cuts
   * at the byte, which may split a character).
   */
  static String truncateInBytes(String text, int max) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= max) {
      return text;
    }
    int end = max;
    while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
      end--;
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }

  /** The api_url when set (a bare host gets the path {@code /}), else the region's endpoint. */
  static URI endpoint(String apiUrl, String region) throws Refusal {
    if (apiUrl.isEmpty()) {
      String domain = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
      return URI.create("https://sns." + region + "." + domain + "/");
    }
    try {
      URI url = new URI(apiUrl);
      if (url.getHost() == null
          || !("http".equalsIgnoreCase(url.getScheme())
              || "https".equalsIgnoreCase(url.getScheme()))) {
        throw new Refusal("the SNS api_url is not an http(s) URL with a host");
      }
      if (url.getRawPath() != null && !url.getRawPath().isEmpty()) {
        return url;
      }
      return URI.create(
          url.getScheme()
              + "://"
              + url.getRawAuthority()
              + "/"
              + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
    } catch (URISyntaxException e) {
      throw new Refusal("the SNS api_url is not a valid URL");
    }
  }
}
