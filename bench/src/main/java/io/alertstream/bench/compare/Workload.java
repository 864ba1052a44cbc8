package io.alertstream.bench.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prometheus-shaped alerts: about eight labels and two annotations (some 500 bytes as JSON), spread
 * over tenants; up to two alerts per aggregation group (group_by alertname, instance: alerts i and
 * i+20 of a tenant share a group), see {@link #groups()}.
 *
 * @param tenants how many tenants
 * @param alertsPerTenant active alerts of each tenant
 */
record Workload(String prefix, int tenants, int alertsPerTenant) {

  Workload(int tenants, int alertsPerTenant) {
    this("bench-", tenants, alertsPerTenant);
  }

  /** The same shape for other tenants, e.g. to warm a system up. */
  Workload named(String otherPrefix) {
    return new Workload(otherPrefix, tenants, alertsPerTenant);
  }

  static final int ALERTNAMES = 20;
  static final int BATCH = 64;

  int alerts() {
    return tenants * alertsPerTenant;
  }

  /** How many aggregation groups the alerts make: 1,000 per tenant make 500, 500 make 260. */
  int groups() {
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (int i = 0; i < alertsPerTenant; i++) {
      Map<String, String> labels = labels(0, i, 0);
      keys.add(labels.get("alertname") + '/' + labels.get("instance"));
    }
    return tenants * keys.size();
  }

  String tenant(int t) {
    return prefix + t;
  }

  /** The labels of a tenant's alert {@code i}; {@code generation} > 0 gives other fingerprints. */
  Map<String, String> labels(int t, int i, int generation) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(
        "alertname", "BenchAlert" + (i % ALERTNAMES) + (generation == 0 ? "" : "g" + generation));
    labels.put("instance", "host-" + (i / (2 * ALERTNAMES)) + ".example.internal:9100");
    labels.put("job", "node-exporter");
    labels.put("severity", i % 5 == 0 ? "critical" : "warning");
    labels.put("cluster", "eu-west-1");
    labels.put("namespace", "team-" + (i % 7));
    labels.put("pod", "api-" + (i % 97) + "-7c9d8f-" + (i % 2));
    labels.put("tenant", tenant(t));
    return labels;
  }

  /** Batches of up to 64 alerts of one tenant, as Prometheus' notifier sends them. */
  List<List<Integer>> batches() {
    List<List<Integer>> batches = new ArrayList<>();
    for (int from = 0; from < alertsPerTenant; from += BATCH) {
      List<Integer> batch = new ArrayList<>();
      for (int i = from; i < Math.min(alertsPerTenant, from + BATCH); i++) {
        batch.add(i);
      }
      batches.add(batch);
    }
    return batches;
  }

  /** A POST /api/v2/alerts body; {@code sentAtMs} rides along as an annotation for latency. */
  String json(int t, List<Integer> batch, int generation, long sentAtMs, String startsAt) {
    return json(t, batch, generation, sentAtMs, startsAt, null);
  }

  /** As above, resolved at {@code endsAt} when given. */
  String json(
      int t, List<Integer> batch, int generation, long sentAtMs, String startsAt, String endsAt) {
    StringBuilder body = new StringBuilder(batch.size() * 520).append('[');
    for (int k = 0; k < batch.size(); k++) {
      int i = batch.get(k);
      if (k > 0) {
        body.append(',');
      }
      body.append("{\"labels\":{");
      boolean first = true;
      for (Map.Entry<String, String> label : labels(t, i, generation).entrySet()) {
        if (!first) {
          body.append(',');
        }
        first = false;
        body.append('"')
            .append(label.getKey())
            .append("\":\"")
            .append(label.getValue())
            .append('"');
      }
      body.append("},\"annotations\":{\"summary\":\"Instance host-")
          .append(i / (2 * ALERTNAMES))
          .append(" of job node-exporter has been failing its checks for 5 minutes\",")
          .append(
              "\"description\":\"The probe reports errors above the threshold; see the runbook.\",")
          .append("\"sent_at\":\"")
          .append(sentAtMs)
          .append("\"},\"startsAt\":\"")
          .append(startsAt)
          .append(endsAt == null ? "" : "\",\"endsAt\":\"" + endsAt)
          .append(
              "\",\"generatorURL\":\"http://prometheus-0:9090/graph?g0.expr=probe_success%3D%3D0\"}");
    }
    return body.append(']').toString();
  }
}
