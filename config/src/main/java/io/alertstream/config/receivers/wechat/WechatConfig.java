package io.alertstream.config.receivers.wechat;

import io.alertstream.config.receivers.HttpClientConfig;
import io.alertstream.config.receivers.Secret;
import java.net.URI;

/**
 * One {@code wechat_configs} entry, global defaults applied. The secret, the corp id, the message
 * and the recipients are templates the notifier renders.
 *
 * @param apiSecret the application's secret, exchanged for an access token (a secret)
 * @param corpId the WeChat Work corp id
 * @param apiUrl the API base, ending in {@code /}
 * @param messageType {@code text} or {@code markdown}
 */
public record WechatConfig(
    Secret apiSecret,
    String corpId,
    URI apiUrl,
    boolean sendResolved,
    String message,
    String toUser,
    String toParty,
    String toTag,
    String agentId,
    String messageType,
    HttpClientConfig http) {

  @Override
  public String toString() {
    return "WechatConfig[apiSecret=<secret>, corpId="
        + corpId
        + ", apiUrl="
        + apiUrl.getScheme()
        + "://"
        + apiUrl.getHost()
        + ", sendResolved="
        + sendResolved
        + ", messageType="
        + messageType
        + "]";
  }
}
