package io.alertstream.config;

import io.alertstream.config.receivers.HttpConfigParser;
import io.alertstream.config.yaml.Durations;
import io.alertstream.config.yaml.YamlNode;
import java.util.List;

/**
 * Alertmanager's sections that configure the server rather than a tenant's alerting: {@code
 * tracing} and {@code event_recorder}. They are checked as Alertmanager checks them, so a config
 * that works there is accepted here, then set aside with a warning.
 */
final class ServerSections {

  private ServerSections() {}

  static void tracing(YamlNode node, ConfigWarnings warnings) throws InvalidConfigException {
    if (node.isAbsent()) {
      return;
    }
    node.allowOnly(
        "client_type",
        "endpoint",
        "sampling_fraction",
        "insecure",
        "tls_config",
        "headers",
        "compression",
        "timeout");
    String clientType = node.string("client_type", "grpc");
    if (!List.of("http", "grpc").contains(clientType)) {
      throw node.get("client_type")
          .error("expected tracing client type to be to be http or grpc, but got " + clientType);
    }
    if (node.string("endpoint", "").isEmpty()) {
      throw node.error("tracing endpoint must be set");
    }
    String compression = node.string("compression", "");
    if (!compression.isEmpty() && !compression.equals("gzip")) {
      throw node.get("compression")
          .error("invalid compression type " + compression + " provided, valid options: gzip");
    }
    String fraction = node.string("sampling_fraction", "0");
    try {
      Double.parseDouble(fraction);
    } catch (NumberFormatException e) {
      throw node.get("sampling_fraction")
          .error("cannot unmarshal !!str `" + fraction + "` into float64");
    }
    node.bool("insecure", false);
    if (!node.get("timeout").isAbsent()) {
      Durations.parse(node.get("timeout"));
    }
    HttpConfigParser.tls(node.get("tls_config"), new ConfigWarnings());
    node.get("headers").requireMap();
    warnings.add(
        node.warning(
            "ignored: Alertstream does not export traces of a tenant's notifications; tracing is"
                + " set up for the whole server by its operator"));
  }

  static void eventRecorder(YamlNode node, ConfigWarnings warnings) throws InvalidConfigException {
    if (node.isAbsent()) {
      return;
    }
    node.allowOnly("file_outputs", "webhook_outputs", "kafka_outputs", "stdout_outputs");
    int outputs = 0;
    for (String key : node.keys()) {
      outputs += node.get(key).items().size();
    }
    if (outputs > 0) {
      warnings.add(
          node.warning(
              "ignored: Alertstream does not record events to outputs; notification outcomes are"
                  + " on its outcome topic and in dry-run records"));
    }
  }
}
