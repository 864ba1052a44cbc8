package io.alertstream.connectors.wechat;

import static io.alertstream.connectors.rendering.JsonFields.putIfNotEmpty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertstream.config.receivers.Secret;
import io.alertstream.config.receivers.wechat.WechatConfig;
import io.alertstream.connectors.ConnectorVersion;
import io.alertstream.connectors.delivery.AttemptResult;
import io.alertstream.connectors.delivery.GoUrlValues;
import io.alertstream.connectors.delivery.HttpOutcomes;
import io.alertstream.connectors.delivery.Outbound;
import io.alertstream.connectors.notify.Notifier;
import io.alertstream.connectors.rendering.FieldRendering;
import io.alertstream.connectors.rendering.NotificationData;
import io.alertstream.schemas.Notification;
import io.alertstream.templates.TemplateSet;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A WeChat Work application message as Alertmanager sends it: an access token from {@code gettoken}
 * (corp id and secret), then the message to {@code message/send}. The two calls are one exchange
 * with the API host. Tokens are kept by this notifier for two hours per API URL, corp id and
 * secret, as Alertmanager keeps its one token, and forgotten when WeChat says one expired.
 */
public final class WechatNotifier implements Notifier<WechatConfig> {

  /** WeChat's error code for an expired access token: retried with a new token. */
  static final int TOKEN_EXPIRED = 42001;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * As Alertmanager reads message/send's answer: any status but 200 retried, then the body's {@code
   * errcode}: 0 delivered, an expired token retried, any other code failed.
   */
  static final Outbound.AnswerCheck SEND_CHECK =
      (status, body) -> {
        if (status != 200) {
          return status == 429 || status / 100 == 5
              ? null
              : new AttemptResult.Retry(
                  HttpOutcomes.unexpected(status, body), Optional.empty(), status);
        }
        JsonNode answer;
        try {
          answer = JSON.readTree(body);
        } catch (IOException e) {
          return new AttemptResult.Retry("WeChat answered with no JSON", Optional.empty());
        }
        if (answer == null || !answer.isObject()) {
          return new AttemptResult.Retry("WeChat answered with no JSON object", Optional.empty());
        }
        int code = answer.path("errcode").asInt(0);
        if (code == 0) {
          return null;
        }
        String reason = "WeChat error " + code + ": " + answer.path("errmsg").asText("");
        return code == TOKEN_EXPIRED
            ? new AttemptResult.Retry(reason, Optional.empty())
            : new AttemptResult.Failed(reason);
      };

  private final TokenCache tokens;

  public WechatNotifier() {
    this(Clock.systemUTC());
  }

  WechatNotifier(Clock clock) {
    this.tokens = new TokenCache(clock);
  }

  @Override
  public String type() {
    return "wechat";
  }

  @Override
  public Class<WechatConfig> settingsType() {
    return WechatConfig.class;
  }

  @Override
  public Prepared prepare(Notification n, WechatConfig wc, TemplateSet templates) {
    FieldRendering r = new FieldRendering(templates, NotificationData.of(n));
    Secret secret = r.secret("api_secret", wc.apiSecret());
    String corpId = r.field("corp_id", wc.corpId(), "");
    String message =
        r.field("message", wc.message(), "{{ template \"wechat.default.message\" . }}");

    ObjectNode body = JSON.createObjectNode();
    body.putObject("text").put("content", "markdown".equals(wc.messageType()) ? "" : message);
    putIfNotEmpty(body, "touser", r.field("to_user", wc.toUser(), ""));
    putIfNotEmpty(body, "toparty", r.field("to_party", wc.toParty(), ""));
    putIfNotEmpty(body, "totag", r.field("to_tag", wc.toTag(), ""));
    putIfNotEmpty(body, "agentid", r.field("agent_id", wc.agentId(), ""));
    body.put("safe", "0");
    body.put("msgtype", wc.messageType());
    body.putObject("markdown").put("content", "markdown".equals(wc.messageType()) ? message : "");
    byte[] payload = body.toString().getBytes(StandardCharsets.UTF_8);

    Map<String, String> credentials = new LinkedHashMap<>();
    credentials.put("corpsecret", secret.value());
    credentials.put("corpid", corpId);
    Outbound.HttpCall tokenCall =
        new Outbound.HttpCall(
            "GET",
            URI.create(
                wc.apiUrl().toString().replaceFirst("\\?.*$", "")
                    + "gettoken?"
                    + GoUrlValues.encode(credentials)),
            Map.of("User-Agent", "Alertstream/" + ConnectorVersion.VERSION),
            new byte[0],
            wc.http(),
            List.of(secret),
            Outbound.AnswerCheck.NONE);
    String key = TokenCache.key(wc.apiUrl().toString(), corpId, secret.value());
    return new Prepared(
        new Outbound.Exchange(
            tokenCall,
            caller -> {
              Optional<String> cached = tokens.get(key);
              String token;
              if (cached.isPresent()) {
                token = cached.get();
              } else {
                Outbound.Answer answer;
                try {
                  answer = caller.call(tokenCall);
                } catch (Outbound.NoAnswer e) {
                  return e.result();
                }
                if (!answer.ok()) {
                  return caller.outcome(tokenCall, answer);
                }
                token = accessToken(answer.body());
                if (token.isEmpty()) {
                  return new AttemptResult.Failed("invalid APISecret for CorpID: " + corpId);
                }
                tokens.put(key, token);
              }
              Outbound.HttpCall send = sendCall(wc, token, payload, secret);
              Outbound.Answer answer;
              try {
                answer = caller.call(send);
              } catch (Outbound.NoAnswer e) {
                return e.result();
              }
              AttemptResult result = caller.outcome(send, answer);
              if (result instanceof AttemptResult.Retry && answer.status() == 200) {
                // The token expired (or the answer was unreadable): fetch a new one next time.
                tokens.forget(key, token);
              }
              return result;
            }),
        r.problems());
  }

  private static Outbound.HttpCall sendCall(
      WechatConfig wc, String token, byte[] payload, Secret secret) {
    String base = wc.apiUrl().toString();
    int q = base.indexOf('?');
    Map<String, String> query = new LinkedHashMap<>();
    if (q >= 0) {
      for (String pair : base.substring(q + 1).split("&")) {
        if (!pair.isEmpty()) {
          int eq = pair.indexOf('=');
          query.put(
              eq < 0 ? pair : pair.substring(0, eq),
              eq < 0
                  ? ""
                  : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    query.put("access_token", token);
    return Outbound.HttpCall.post(
        URI.create(
            (q < 0 ? base : base.substring(0, q)) + "message/send?" + GoUrlValues.encode(query)),
        Outbound.HttpCall.jsonHeaders(Map.of()),
        payload,
        wc.http(),
        List.of(new Secret(token), secret),
        SEND_CHECK);
  }

  /** The {@code access_token} of gettoken's answer; empty when it has none. */
  static String accessToken(String body) {
    try {
      JsonNode answer = JSON.readTree(body);
      return answer == null ? "" : answer.path("access_token").asText("");
    } catch (IOException e) {
      return "";
    }
  }
}
