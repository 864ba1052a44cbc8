package io.alertstream.config.receivers.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.alertstream.config.ConfigParser;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnsIntegrationTest {

  private static SnsConfig parse(String entry) throws Exception {
    return new ConfigParser()
        .parse(
            "route: {receiver: team-x}\nreceivers:\n- name: team-x\n  sns_configs:\n  - "
                + entry
                + "\n")
        .receiver("team-x")
        .orElseThrow()
        .integrations()
        .get(0)
        .settings(SnsConfig.class);
  }

  private static Throwable refusal(String entry) {
    return catchThrowable(() -> parse(entry));
  }

  @Test
  void defaultsAreAlertmanagers() throws Exception {
    SnsConfig sns =
        parse(
            "{topic_arn: 'arn:aws:sns:us-east-2:123456789012:ops', sigv4: {region: eu-west-1, access_key: AKID, secret_key: SK}}");

    assertThat(sns.sendResolved()).isTrue();
    assertThat(sns.subject()).isEqualTo("{{ template \"sns.default.subject\" . }}");
    assertThat(sns.message()).isEqualTo("{{ template \"sns.default.message\" . }}");
    assertThat(sns.apiUrl()).isEmpty();
    assertThat(sns.sigv4().region()).isEqualTo("eu-west-1");
    assertThat(sns.attributes()).isEmpty();
  }

  @Test
  void everyFieldIsRead() throws Exception {
    SnsConfig sns =
        parse(
            "{api_url: 'https://sns.us-east-2.amazonaws.com', phone_number: '+15555550100',"
                + " subject: s, message: m, attributes: {severity: Sev2}, send_resolved: false,"
                + " use_aws_http_client: true,"
                + " sigv4: {region: us-east-2, access_key: AKID, secret_key: SK}}");

    assertThat(sns.apiUrl()).isEqualTo("https://sns.us-east-2.amazonaws.com");
    assertThat(sns.phoneNumber()).isEqualTo("+15555550100");
    assertThat(sns.attributes()).isEqualTo(Map.of("severity", "Sev2"));
    assertThat(sns.sigv4().region()).isEqualTo("us-east-2");
    assertThat(sns.sigv4().accessKey()).isEqualTo("AKID");
    assertThat(sns.sigv4().secretKey().value()).isEqualTo("SK");
    assertThat(sns.sendResolved()).isFalse();
  }

  @Test
  void exactlyOneDestinationAsAlertmanagersExclusiveOrCounts() throws Exception {
    String message = "must provide either a Target ARN, Topic ARN, or Phone Number for SNS config";
    assertThat(
            refusal("{subject: s, sigv4: {region: eu-west-1, access_key: AKID, secret_key: SK}}"))
        .hasMessageContaining("sns_configs[0]")
        .hasMessageContaining(message);
    assertThat(
            refusal(
                "{topic_arn: t, target_arn: a, sigv4: {region: eu-west-1, access_key: AKID, secret_key: SK}}"))
        .hasMessageContaining(message);
    assertThat(
            refusal(
                "{topic_arn: t, phone_number: p, sigv4: {region: eu-west-1, access_key: AKID, secret_key: SK}}"))
        .hasMessageContaining(message);
    assertThat(
            parse("{target_arn: a, sigv4: {region: eu-west-1, access_key: AKID, secret_key: SK}}")
                .targetArn())
        .isEqualTo("a");
    // Go's (a == "") != (b == "") != (c == "") lets all three through.
    assertThat(
            parse(
                    "{topic_arn: t, target_arn: a, phone_number: p, sigv4: {region: eu-west-1, access_key: AKID, secret_key: SK}}")
                .topicArn())
        .isEqualTo("t");
  }

  @Test
  void keysComeInPairs() {
    assertThat(refusal("{topic_arn: t, sigv4: {access_key: AKID}}"))
        .hasMessageContaining("sigv4")
        .hasMessageContaining(
            "must provide a AWS SigV4 Access key and Secret Key if credentials are specified in"
                + " the SigV4 config");
    assertThat(refusal("{topic_arn: t, sigv4: {secret_key: SK}}"))
        .hasMessageContaining("must provide a AWS SigV4 Access key and Secret Key");
  }

  @Test
  void theTenantsOwnKeysAndRegionAreRequiredAndNoProfile() {
    assertThat(refusal("{topic_arn: t}"))
        .hasMessageContaining("sns_configs[0]")
        .hasMessageContaining("does not lend its own AWS credentials");
    assertThat(refusal("{topic_arn: t, sigv4: {region: eu-west-1}}"))
        .hasMessageContaining("access_key and sigv4.secret_key are required");
    assertThat(refusal("{topic_arn: t, sigv4: {access_key: A, secret_key: S}}"))
        .hasMessageContaining("sigv4.region is required");
    assertThat(
            refusal("{topic_arn: t, sigv4: {region: r, access_key: A, secret_key: S, profile: p}}"))
        .hasMessageContaining("sigv4.profile")
        .hasMessageContaining("profile files");
  }

  @Test
  void roleArnIsRefusedWithTheReason() {
    assertThat(refusal("{topic_arn: t, sigv4: {role_arn: 'arn:aws:iam::1:role/r'}}"))
        .hasMessageContaining("sigv4.role_arn")
        .hasMessageContaining("role_arn is not supported")
        .hasMessageContaining("STS");
    assertThat(refusal("{topic_arn: t, sigv4: {external_id: x}}"))
        .hasMessageContaining("external_id can only be used with role_arn");
  }

  @Test
  void unknownFieldsAreRefused() {
    assertThat(
            refusal(
                "{topic_arn: t, message_structure: json, sigv4: {region: eu-west-1, access_key: AKID, secret_key: SK}}"))
        .hasMessageContaining("field message_structure not found");
    assertThat(refusal("{topic_arn: t, sigv4: {token: x}}"))
        .hasMessageContaining("field token not found");
  }

  @Test
  void toStringHidesTheKeys() throws Exception {
    assertThat(
            parse(
                    "{topic_arn: t, sigv4: {region: r, access_key: AKIDSECRET, secret_key: SKSECRET}}")
                .toString())
        .doesNotContain("AKIDSECRET")
        .doesNotContain("SKSECRET");
  }
}
