package io.alertstream.config.tenant;

import io.alertstream.config.receivers.Secret;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Rewrites alertmanager.yml text with every secret replaced by {@code <secret>}, for every read
 * path (config API, status, UI). Secrets are the settings Alertmanager types as secrets, plus the
 * webhook URL, which usually carries a token.
 */
public final class ConfigMasker {

  private static final Set<String> SECRET_FIELDS =
      Set.of(
          "api_url",
          "slack_api_url",
          "routing_key",
          "service_key",
          "auth_password",
          "auth_secret",
          "smtp_auth_password",
          "smtp_auth_secret",
          "password",
          "credentials",
          "bearer_token",
          "client_secret",
          "api_key",
          "opsgenie_api_key",
          "victorops_api_key",
          "api_secret",
          "wechat_api_secret",
          "token",
          "user_key",
          "bot_token",
          "webhook_url",
          "secret_key",
          "key",
          "access_key",
          "app_token",
          "slack_app_token",
          "telegram_bot_token",
          "rocketchat_token",
          "rocketchat_token_id",
          "token_id",
          "mattermost_webhook_url",
          "alert_source_token",
          "client_certificate_key");

  private ConfigMasker() {}

  public static String mask(String yaml) {
    Node root;
    try {
      root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
    } catch (RuntimeException e) {
      // Only validated configs are stored; if this one does not even parse, show none of it.
      return Secret.MASK + "\n";
    }
    if (root == null) {
      return "";
    }
    mask(root, List.of());
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    StringWriter out = new StringWriter();
    new Yaml(options).serialize(root, out);
    return out.toString();
  }

  private static void mask(Node node, List<String> path) {
    if (node instanceof MappingNode map) {
      for (NodeTuple tuple : map.getValue()) {
        if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
          continue;
        }
        Node value = tuple.getValueNode();
        if (value instanceof ScalarNode scalar
            && isSecret(key.getValue(), path)
            && !scalar.getValue().isEmpty()) {
          replace(map, tuple, scalar);
        } else if (value instanceof SequenceNode list && key.getValue().equals("secrets")) {
          // http_headers: {Name: {secrets: [...]}}
          list.getValue().replaceAll(ConfigMasker::masked);
        } else if (key.getValue().equals("proxy_connect_header")) {
          maskAll(value);
        } else {
          mask(value, append(path, key.getValue()));
        }
      }
    } else if (node instanceof SequenceNode seq) {
      for (Node item : seq.getValue()) {
        mask(item, path);
      }
    }
  }

  /** Every scalar below the node: a map whose values are all secrets. */
  private static void maskAll(Node node) {
    if (node instanceof MappingNode map) {
      for (NodeTuple tuple : List.copyOf(map.getValue())) {
        if (tuple.getValueNode() instanceof ScalarNode scalar) {
          replace(map, tuple, scalar);
        } else {
          maskAll(tuple.getValueNode());
        }
      }
    } else if (node instanceof SequenceNode seq) {
      seq.getValue().replaceAll(item -> item instanceof ScalarNode ? masked(item) : item);
      seq.getValue().forEach(ConfigMasker::maskAll);
    }
  }

  /** Integration types whose {@code url} is their endpoint with its token. */
  private static final Set<String> SECRET_URL_TYPES =
      Set.of("webhook_configs", "incidentio_configs");

  private static boolean isSecret(String field, List<String> path) {
    if (field.equals("url")) {
      return !path.isEmpty() && SECRET_URL_TYPES.contains(path.get(path.size() - 1));
    }
    return SECRET_FIELDS.contains(field);
  }

  private static void replace(MappingNode map, NodeTuple tuple, ScalarNode scalar) {
    int i = map.getValue().indexOf(tuple);
    map.getValue().set(i, new NodeTuple(tuple.getKeyNode(), masked(scalar)));
  }

  private static Node masked(Node value) {
    return new ScalarNode(
        Tag.STR,
        Secret.MASK,
        value.getStartMark(),
        value.getEndMark(),
        DumperOptions.ScalarStyle.PLAIN);
  }

  private static List<String> append(List<String> path, String key) {
    var out = new java.util.ArrayList<>(path);
    out.add(key);
    return out;
  }
}
