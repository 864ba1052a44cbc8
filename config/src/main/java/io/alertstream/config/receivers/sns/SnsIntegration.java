package io.alertstream.config.receivers.sns;

import io.alertstream.config.InvalidConfigException;
import io.alertstream.config.receivers.Globals;
import io.alertstream.config.receivers.HttpClientConfig;
import io.alertstream.config.receivers.IntegrationType;
import io.alertstream.config.yaml.YamlNode;

/**
 * Reads {@code sns_configs} entries as Alertmanager does: its defaults, one destination, and the
 * {@code sigv4} section's checks. Unlike Alertmanager, the tenant's own keys and region are
 * required: without them Alertmanager signs with the credentials of the process (its environment,
 * profile files, instance role), which in a multi-tenant service would lend the operator's AWS
 * identity to any tenant (and send it to the tenant's {@code api_url}). So {@code profile} is
 * refused too, and {@code role_arn} (assuming a role needs STS, another host than the SNS
 * endpoint).
 */
public final class SnsIntegration implements IntegrationType<SnsConfig> {

  @Override
  public String type() {
    return "sns";
  }

  @Override
  public Class<SnsConfig> settingsType() {
    return SnsConfig.class;
  }

  @Override
  public boolean sendResolved(SnsConfig settings) {
    return settings.sendResolved();
  }

  @Override
  public SnsConfig parse(YamlNode node, Globals globals) throws InvalidConfigException {
    node.allowOnly(
        "send_resolved",
        "http_config",
        "api_url",
        "sigv4",
        "topic_arn",
        "phone_number",
        "target_arn",
        "subject",
        "message",
        "attributes",
        "use_aws_http_client");
    HttpClientConfig http = globals.httpConfig(node);
    if (node.bool("use_aws_http_client", false)) {
      globals.warn(
          node.get("use_aws_http_client"),
          "ignored: Alertstream signs with the AWS SDK and sends through its own HTTP client");
    }
    String topicArn = node.string("topic_arn", "");
    String phoneNumber = node.string("phone_number", "");
    String targetArn = node.string("target_arn", "");
    // Alertmanager's test, an exclusive or of three: one destination passes, and so do all three.
    if (targetArn.isEmpty() != topicArn.isEmpty() != phoneNumber.isEmpty()) {
      throw node.error(
          "must provide either a Target ARN, Topic ARN, or Phone Number for SNS config");
    }
    SnsConfig.Sigv4 sigv4 = sigv4(node, globals);
    return new SnsConfig(
        node.string("api_url", ""),
        sigv4,
        topicArn,
        phoneNumber,
        targetArn,
        node.string("subject", "{{ template \"sns.default.subject\" . }}"),
        node.string("message", "{{ template \"sns.default.message\" . }}"),
        node.stringMap("attributes"),
        node.bool("send_resolved", true),
        http);
  }

  private static SnsConfig.Sigv4 sigv4(YamlNode entry, Globals globals)
      throws InvalidConfigException {
    YamlNode node = entry.get("sigv4");
    if (node.isAbsent()) {
      throw entry.error(NEEDS_OWN_KEYS);
    }
    node.allowOnly(
        "region",
        "access_key",
        "secret_key",
        "profile",
        "role_arn",
        "external_id",
        "use_fips_sts_endpoint");
    String accessKey = node.string("access_key", "");
    String secretKey = node.string("secret_key", "");
    if (accessKey.isEmpty() != secretKey.isEmpty()) {
      throw node.error(
          "must provide a AWS SigV4 Access key and Secret Key if credentials are specified in the"
              + " SigV4 config");
    }
    String roleArn = node.string("role_arn", "");
    if (!node.string("external_id", "").isEmpty() && roleArn.isEmpty()) {
      throw node.get("external_id").error("external_id can only be used with role_arn");
    }
    if (!roleArn.isEmpty()) {
      throw node.get("role_arn")
          .error(
              "role_arn is not supported by Alertstream: assuming a role needs STS, another host"
                  + " than the SNS endpoint; set access_key and secret_key");
    }
    if (!node.string("profile", "").isEmpty()) {
      throw node.get("profile")
          .error(
              "profile is not allowed in a tenant configuration: it reads the server's AWS"
                  + " profile files; set access_key and secret_key");
    }
    if (accessKey.isEmpty()) {
      throw node.error(NEEDS_OWN_KEYS);
    }
    String region = node.string("region", "");
    if (region.isEmpty()) {
      throw node.error(
          "sigv4.region is required: Alertstream does not take the region from its own"
              + " environment for a tenant");
    }
    if (node.bool("use_fips_sts_endpoint", false)) {
      globals.warn(
          node.get("use_fips_sts_endpoint"),
          "ignored: Alertstream does not call STS (no role_arn)");
    }
    return new SnsConfig.Sigv4(
        region, accessKey, new io.alertstream.config.receivers.Secret(secretKey));
  }

  private static final String NEEDS_OWN_KEYS =
      "sigv4.access_key and sigv4.secret_key are required: Alertstream does not lend its own AWS"
          + " credentials (environment, profile, instance role) to a tenant";
}
