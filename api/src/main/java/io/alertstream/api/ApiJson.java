package io.alertstream.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertstream.config.matchers.MatchType;
import io.alertstream.config.matchers.Matcher;
import io.alertstream.topology.alerts.Alert;
import io.alertstream.topology.query.AlertView;
import io.alertstream.topology.query.AlertViews;
import io.alertstream.topology.silences.Silence;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Alertmanager API v2's JSON shapes (GettableAlert, AlertGroup, GettableSilence, ...). */
final class ApiJson {

  static final ObjectMapper JSON = new ObjectMapper();

  private ApiJson() {}

  static ObjectNode alert(AlertView view) {
    Alert a = view.alert();
    ObjectNode out = JSON.createObjectNode();
    out.set("annotations", labels(a.annotations()));
    out.put("endsAt", time(a.endsAt()));
    out.put("fingerprint", a.fingerprint());
    ArrayNode receivers = out.putArray("receivers");
    view.receivers().forEach(r -> receivers.addObject().put("name", r));
    out.put("startsAt", time(a.startsAt()));
    ObjectNode status = out.putObject("status");
    ArrayNode inhibitedBy = status.putArray("inhibitedBy");
    view.inhibitedBy().forEach(inhibitedBy::add);
    ArrayNode silencedBy = status.putArray("silencedBy");
    view.silencedBy().forEach(silencedBy::add);
    status.put("state", view.state());
    out.put("updatedAt", time(a.updatedAt()));
    out.put("generatorURL", a.generatorUrl());
    out.set("labels", labels(a.labels()));
    return out;
  }

  static ArrayNode alerts(List<AlertView> views) {
    ArrayNode out = JSON.createArrayNode();
    views.forEach(v -> out.add(alert(v)));
    return out;
  }

  static ArrayNode groups(List<AlertViews.Group> groups) {
    ArrayNode out = JSON.createArrayNode();
    for (AlertViews.Group g : groups) {
      ObjectNode group = out.addObject();
      group.set("alerts", alerts(g.alerts()));
      group.set("labels", labels(g.labels()));
      group.putObject("receiver").put("name", g.receiver());
    }
    return out;
  }

  static ObjectNode silence(Silence s, long now) {
    ObjectNode out = JSON.createObjectNode();
    out.put("id", s.id());
    out.putObject("status").put("state", s.state(now).apiName());
    out.put("updatedAt", time(s.updatedAt()));
    out.put("comment", s.comment());
    out.put("createdBy", s.createdBy());
    out.put("endsAt", time(s.endsAt()));
    ArrayNode matchers = out.putArray("matchers");
    for (Matcher m : s.parsedMatchers()) {
      ObjectNode matcher = matchers.addObject();
      matcher.put("isEqual", m.type() == MatchType.EQUAL || m.type() == MatchType.REGEXP);
      matcher.put("isRegex", m.type() == MatchType.REGEXP || m.type() == MatchType.NOT_REGEXP);
      matcher.put("name", m.name());
      matcher.put("value", m.value());
    }
    out.put("startsAt", time(s.startsAt()));
    // Alertstream's own fields, only when set, so that a plain silence reads as Alertmanager's.
    if (s.untilResolved()) {
      out.put("untilResolved", true);
    }
    if (s.expiredBy() != null && s.state(now) == Silence.State.EXPIRED) {
      out.put("expiredBy", s.expiredBy());
    }
    return out;
  }

  private static ObjectNode labels(Map<String, String> labels) {
    ObjectNode out = JSON.createObjectNode();
    labels.forEach(out::put);
    return out;
  }

  static String time(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).toString();
  }
}
