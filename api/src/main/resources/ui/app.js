// Alertstream's per-tenant web UI: plain JavaScript over Alertmanager's API v2 and the
// /api/v1 endpoints. The tenant goes in X-Scope-OrgID; when the server asks for credentials
// (401), the same form takes a password and requests use basic auth instead.
"use strict";

const state = { tenant: "", password: "", needsPassword: false };
const $ = (id) => document.getElementById(id);

function headers() {
  const h = { "Content-Type": "application/json", "X-Alertstream-UI": "1" };
  if (state.needsPassword) {
    h["Authorization"] = "Basic " + btoa(unescape(encodeURIComponent(state.tenant + ":" + state.password)));
  } else {
    h["X-Scope-OrgID"] = state.tenant;
  }
  return h;
}

async function api(method, path, body) {
  const response = await fetch(path, {
    method, headers: headers(), body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status === 401) {
    askForPassword();
    throw new Error("sign in: enter your tenant id and password");
  }
  if (!response.ok) {
    let message = text;
    try { message = JSON.parse(text).message || text; } catch (e) { /* plain text */ }
    throw new Error(message || ("HTTP " + response.status));
  }
  return text ? JSON.parse(text) : null;
}

function say(text, ok) {
  $("message").textContent = text;
  $("message").className = ok ? "ok" : "";
}

function askForPassword() {
  state.needsPassword = true;
  $("password-label").hidden = false;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.substring(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function labelList(labels) {
  return el("span", { class: "labels" },
    ...Object.entries(labels).map(([k, v]) => el("span", {}, k + "=" + v)));
}

function since(time) {
  return new Date(time).toLocaleString();
}

// --- alerts ---------------------------------------------------------------------------------

async function loadAlerts() {
  const params = new URLSearchParams();
  params.set("silenced", $("show-silenced").checked);
  params.set("inhibited", $("show-inhibited").checked);
  const filter = $("alert-filter").value.trim();
  if (filter) filter.split(/,\s*(?=[a-zA-Z_])/).forEach((f) => params.append("filter", f));
  const groups = await api("GET", "/api/v2/alerts/groups?" + params);
  const root = $("alerts");
  root.replaceChildren();
  if (groups.length === 0) root.append(el("p", {}, "No alerts."));
  for (const g of groups) {
    const box = el("div", { class: "group" },
      el("h3", {}, "Receiver " + g.receiver.name + " · ", labelList(g.labels),
        " · " + g.alerts.length + " alert" + (g.alerts.length === 1 ? "" : "s")));
    for (const a of g.alerts) box.append(alertRow(a));
    root.append(box);
  }
}

function alertRow(a) {
  const status = a.status;
  let stateText = status.state;
  if (status.silencedBy.length) stateText = "silenced by " + status.silencedBy.join(", ");
  if (status.inhibitedBy.length) {
    stateText = (status.silencedBy.length ? stateText + "; " : "") +
      "inhibited by alert " + status.inhibitedBy.join(", ");
  }
  const annotations = Object.entries(a.annotations).map(([k, v]) => k + ": " + v).join(" · ");
  return el("div", { class: "alert", "data-fingerprint": a.fingerprint },
    el("span", { class: "state state-" + status.state }, stateText),
    labelList(a.labels),
    el("div", { class: "annotations" }, annotations, " · since " + since(a.startsAt),
      a.generatorURL ? " · " : "", a.generatorURL ? el("a", { href: a.generatorURL }, "source") : ""),
    el("button", { class: "silence-button", onclick: () => silenceAlert(a) }, "Silence"),
    el("button", { class: "explain-button", onclick: (e) => explain(a, e.target.parentElement) },
      "Why?"));
}

// --- why (not) notified ----------------------------------------------------------------------

async function explain(alert, row) {
  try {
    const [answer] = await api("GET", "/api/v1/explain?fingerprint=" + encodeURIComponent(alert.fingerprint));
    row.querySelector(".explanation")?.remove();
    const box = el("div", { class: "explanation" },
      el("strong", {}, "Now"), el("ul", {}, ...answer.now.map((t) => el("li", {}, t))),
      el("strong", {}, "What happened"),
      el("ol", {}, ...answer.timeline.map((s) => el("li", { class: "step step-" + s.kind },
        since(s.at) + " · " + s.text + " ",
        s.link ? el("a", { href: s.link, target: "_blank" }, "details") : ""))));
    if (answer.timeline.length === 0) box.append(el("p", {}, "Nothing recorded in the last day."));
    row.append(box);
  } catch (e) {
    say(e.message);
  }
}

// --- silences -------------------------------------------------------------------------------

function localInput(date) {
  const d = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
  return d.toISOString().substring(0, 19);
}

function quote(value) {
  return '"' + value.replace(/\\/g, "\\\\").replace(/"/g, '\\"') + '"';
}

function openSilenceForm(title, id, matchers, starts, ends, comment, untilResolved) {
  showTab("silences");
  $("silence-form").hidden = false;
  $("silence-form-title").textContent = title;
  $("silence-id").value = id || "";
  $("silence-matchers").value = matchers;
  $("silence-starts").value = localInput(starts);
  $("silence-ends").value = localInput(ends);
  $("silence-created-by").value = $("silence-created-by").value || state.tenant;
  $("silence-comment").value = comment || "";
  $("silence-until-resolved").checked = !!untilResolved;
  previewSilence();
}

function silenceAlert(alert) {
  const matchers = Object.entries(alert.labels).map(([k, v]) => k + "=" + quote(v)).join(", ");
  const now = new Date();
  openSilenceForm("Silence this alert", "", matchers, now, new Date(now.getTime() + 2 * 3600000), "");
}

function parseMatchers(text) {
  const out = [];
  const re = /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"\s*(,|$)/y;
  let m;
  while (re.lastIndex < text.length && (m = re.exec(text)) !== null) {
    out.push({
      name: m[1], value: m[3].replace(/\\(.)/g, "$1"),
      isRegex: m[2] === "=~" || m[2] === "!~", isEqual: m[2] === "=" || m[2] === "=~",
    });
  }
  if (re.lastIndex !== text.length && text.trim() !== "") {
    throw new Error('matchers must look like name="value", joined by commas (=, !=, =~, !~)');
  }
  return out;
}

const OPERATORS = { "true,false": "=", "false,false": "!=", "true,true": "=~", "false,true": "!~" };
let previewSeq = 0;

// The server counts the matching alerts, so that a regex means what it means in the silence
// (Go's RE2 syntax, linear time) rather than what it means to the browser.
async function previewSilence() {
  const seq = ++previewSeq;
  let text;
  try {
    const filters = parseMatchers($("silence-matchers").value).map((m) =>
      "filter=" + encodeURIComponent(m.name + OPERATORS[m.isEqual + "," + m.isRegex] + quote(m.value)));
    const alerts = await api("GET", "/api/v2/alerts?" + filters.join("&"));
    text = alerts.length + " alert" + (alerts.length === 1 ? "" : "s");
  } catch (e) {
    text = e.message;
  }
  if (seq === previewSeq) $("silence-preview").textContent = text;
}

async function saveSilence(event) {
  event.preventDefault();
  try {
    const body = {
      matchers: parseMatchers($("silence-matchers").value),
      startsAt: new Date($("silence-starts").value).toISOString(),
      endsAt: new Date($("silence-ends").value).toISOString(),
      createdBy: $("silence-created-by").value,
      comment: $("silence-comment").value,
      untilResolved: $("silence-until-resolved").checked,
    };
    if ($("silence-id").value) body.id = $("silence-id").value;
    const result = await api("POST", "/api/v2/silences", body);
    $("silence-form").hidden = true;
    say("Silence " + result.silenceID + " saved.", true);
    await loadSilences();
  } catch (e) {
    say(e.message);
  }
}

function operator(m) {
  if (m.isRegex) return m.isEqual ? "=~" : "!~";
  return m.isEqual ? "=" : "!=";
}

// Why an expired silence ended before its end time (the API's expiredBy).
const EXPIRED_BY = {
  alerts_resolved: "Ended by itself: every alert it silenced had resolved (until resolved).",
  request: "Expired by a request (Expire, or replaced by an edit).",
};

async function loadSilences() {
  const silences = await api("GET", "/api/v2/silences");
  const root = $("silences");
  root.replaceChildren();
  if (silences.length === 0) root.append(el("p", {}, "No silences."));
  for (const s of silences) {
    const text = s.matchers.map((m) => m.name + operator(m) + quote(m.value)).join(", ");
    const row = el("div", { class: "silence", "data-silence-id": s.id },
      el("span", { class: "state state-" + s.status.state }, s.status.state),
      el("code", {}, text));
    if (s.untilResolved) row.append(el("span", { class: "badge until-resolved" }, "until resolved"));
    row.append(el("div", { class: "annotations" }, s.comment + " · by " + s.createdBy + " · " +
      since(s.startsAt) + " → " + since(s.endsAt) + " · id " + s.id));
    if (s.status.state === "expired") {
      row.append(el("div", { class: "expiry" }, EXPIRED_BY[s.expiredBy] || "Ran to its end time."));
    } else {
      row.append(
        el("button", { class: "edit-silence", onclick: () => openSilenceForm("Edit silence", s.id, text,
          new Date(s.startsAt), new Date(s.endsAt), s.comment, s.untilResolved) }, "Edit"),
        el("button", { class: "expire-silence", onclick: () => expireSilence(s.id) }, "Expire"));
    }
    root.append(row);
  }
}

async function expireSilence(id) {
  try {
    await api("DELETE", "/api/v2/silence/" + encodeURIComponent(id));
    say("Silence " + id + " expired.", true);
    await loadSilences();
  } catch (e) {
    say(e.message);
  }
}

// --- notifications, routes, config -----------------------------------------------------------

async function loadNotifications() {
  const list = await api("GET", "/api/v1/notifications");
  const root = $("notifications");
  root.replaceChildren();
  if (list.length === 0) root.append(el("p", {}, "No notifications in the last day."));
  for (const n of list) {
    root.append(el("div", { class: "notification" },
      el("span", { class: "state outcome-" + n.outcome }, n.outcome),
      since(n.createdAt) + " · " + n.status + " (" + n.reason + ") to " + n.receiver + " via " +
        n.integration + (n.outcomeReason ? " · " + n.outcomeReason : "") +
        (n.attempts > 1 ? " · " + n.attempts + " attempts" : ""),
      el("div", { class: "annotations" }, n.alerts.join(" · "))));
  }
}

function routeNode(r) {
  const node = el("div", { class: "route" },
    el("strong", {}, r.receiver), " ",
    el("code", {}, r.matchers.length ? r.matchers.join(", ") : "(every alert)"),
    el("div", { class: "annotations" },
      "group by " + (r.groupByAll ? "..." : "[" + r.groupBy.join(", ") + "]") +
      " · wait " + r.groupWait + " · interval " + r.groupInterval +
      " · repeat " + r.repeatInterval + (r.continue ? " · continue" : "")));
  r.routes.forEach((c) => node.append(routeNode(c)));
  return node;
}

async function loadRoutes() {
  $("routes").replaceChildren(routeNode(await api("GET", "/api/v1/routes")));
}

async function loadConfig() {
  const status = await api("GET", "/api/v2/status");
  $("config").textContent = status.config.original ||
    "This tenant has no config of its own and runs the fallback config.";
  const receivers = await api("GET", "/api/v2/receivers");
  $("receivers").replaceChildren(...receivers.map((r) => {
    const result = el("ul", { class: "receiver-test-result" });
    const button = el("button", { class: "receiver-test", "data-receiver": r.name }, "Send test");
    button.addEventListener("click", () => testReceiver(r.name, button, result));
    return el("div", { class: "receiver" }, el("strong", {}, r.name), " ", button, result);
  }));
}

async function testReceiver(name, button, result) {
  button.disabled = true;
  result.replaceChildren(el("li", {}, "sending…"));
  try {
    const r = await api("POST", "/api/v1/receivers/test", { receiver: name });
    result.replaceChildren(...(r.integrations.length ? r.integrations.map((i) =>
      el("li", {}, el("span", { class: "state outcome-" + i.outcome }, i.outcome),
        " " + i.type + "[" + i.index + "] · " + i.detail)) :
      [el("li", {}, "this receiver has no integrations: nothing to send")]));
  } catch (e) {
    result.replaceChildren(el("li", {}, e.message));
  } finally {
    button.disabled = false;
  }
}

async function replay(event) {
  event.preventDefault();
  const to = new Date();
  const from = new Date(to.getTime() - Number($("replay-hours").value) * 3600000);
  const body = { from: from.toISOString(), to: to.toISOString() };
  if ($("replay-config").value.trim()) body.alertmanager_config = $("replay-config").value;
  try {
    const r = await api("POST", "/api/v1/replay", body);
    const line = (n) => el("li", {}, new Date(n.at).toLocaleString() + " · " + n.status + " to " +
      n.receiver + " via " + n.integration + " · group " + n.groupKey);
    $("replay-result").replaceChildren(
      el("p", {}, r.alerts + " recorded alerts replayed in " + r.tookMs + " ms: " +
        r.wouldSend.length + " notifications would be sent, " + r.sent.length + " were sent."),
      el("strong", {}, "Only with this config (" + r.onlyInReplay.length + ")"),
      el("ul", {}, ...r.onlyInReplay.map(line)),
      el("strong", {}, "Only with the config that ran (" + r.onlyInLive.length + ")"),
      el("ul", {}, ...r.onlyInLive.map(line)));
  } catch (e) {
    say(e.message);
  }
}

// --- history ----------------------------------------------------------------------------------

// Each alert's firing periods over the chosen range as bars on a time axis, with the
// notifications sent about it (dots), and the flushes that silenced (hatched over the bar),
// muted (above) or inhibited it (below). Positions are percentages of the range, so rows need no
// measuring and the chart follows the window's width.

const HISTORY_TICK_STEPS = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880].map((m) => m * 60000);

function historyPosition(h, t) {
  const clamped = Math.min(Math.max(t, h.fromMs), h.toMs);
  return (100 * (clamped - h.fromMs)) / (h.toMs - h.fromMs);
}

function historyBar(h, cls, from, to, title) {
  const left = historyPosition(h, from);
  return el("div", {
    class: cls, title,
    style: "left:" + left.toFixed(3) + "%;width:" + (historyPosition(h, to) - left).toFixed(3) + "%",
  });
}

function historyTime(t, withDay) {
  const d = new Date(t);
  const time = d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  return withDay ? d.toLocaleDateString([], { weekday: "short", day: "numeric" }) + " " + time : time;
}

function historyAxis(h) {
  const span = h.toMs - h.fromMs;
  const step = HISTORY_TICK_STEPS.find((s) => span / s <= 8) || HISTORY_TICK_STEPS[HISTORY_TICK_STEPS.length - 1];
  const zone = -new Date(h.fromMs).getTimezoneOffset() * 60000;
  const ticks = [];
  for (let t = Math.ceil((h.fromMs + zone) / step) * step - zone; t <= h.toMs; t += step) ticks.push(t);
  const withDay = span > 24 * 3600000 || new Date(h.fromMs).getDate() !== new Date(h.toMs).getDate();
  const axis = el("div", { class: "history-row history-axis" }, el("div", { class: "history-name" }, "alert"),
    el("div", { class: "history-track" }, ...ticks.map((t) =>
      el("span", { class: "history-tick", style: "left:" + historyPosition(h, t).toFixed(3) + "%" },
        historyTime(t, withDay)))));
  const grid = ticks.map((t) => el("div", {
    class: "history-grid", style: "left:calc(var(--history-name-width) + (100% - var(--history-name-width) - var(--history-track-end)) * " +
      (historyPosition(h, t) / 100).toFixed(5) + ")",
  }));
  return [axis, ...grid];
}

function historyName(a) {
  const others = Object.entries(a.labels).filter(([k]) => k !== "alertname").slice(0, 3);
  return el("div", {
    class: "history-name",
    title: Object.entries(a.labels).map(([k, v]) => k + "=" + v).join("\n") + "\nfingerprint " + a.fingerprint,
  }, el("strong", {}, a.labels.alertname || "(no alertname)"), " ",
  el("span", { class: "history-labels" }, others.map(([k, v]) => k + "=" + v).join(" ")));
}

function historyRow(h, a) {
  const track = el("div", { class: "history-track" });
  for (const p of a.periods) {
    const start = Date.parse(p.start);
    const end = p.end === null ? h.toMs : Date.parse(p.end);
    track.append(historyBar(h, "history-period" + (p.end === null ? " history-open" : ""), start, end,
      "firing " + since(start) + (p.clipped ? " (started before the range)" : "") + " → " +
      (p.end === null ? "still firing" : since(end))));
  }
  const spans = [["silenced", "silence", "silenced by silence "], ["muted", "reason", "muted: "],
    ["inhibited", "by", "inhibited by alert "]];
  for (const [kind, ref, words] of spans) {
    for (const s of a[kind]) {
      const from = Date.parse(s.from);
      const to = Date.parse(s.to);
      track.append(historyBar(h, "history-" + kind, from, to, words + s[ref] + "\n" + since(from) +
        (s.count > 1 ? " → " + since(to) + " (" + s.count + " flushes)" : "")));
    }
  }
  for (const n of a.notifications) {
    track.append(el("div", {
      class: "history-notification", "data-notification-id": n.id,
      style: "left:" + historyPosition(h, Date.parse(n.at)).toFixed(3) + "%",
      title: since(n.at) + "\n" + n.text,
    }));
  }
  return el("div", { class: "history-row", "data-fingerprint": a.fingerprint }, historyName(a), track);
}

function historyFirst(a) {
  const times = [...a.periods.map((p) => p.start), ...a.notifications.map((n) => n.at),
    ...a.silenced.map((s) => s.from), ...a.inhibited.map((s) => s.from), ...a.muted.map((s) => s.from)];
  return Math.min(...times.map((t) => Date.parse(t)));
}

// One history request at a time (the server allows one per tenant): a request asked for while
// one runs is made when it is done, with the range and filter chosen by then.
let historyRunning = false;
let historyAgain = false;

async function loadHistory() {
  if (historyRunning) {
    historyAgain = true;
    return;
  }
  historyRunning = true;
  try {
    do {
      historyAgain = false;
      await showHistory();
    } while (historyAgain);
  } finally {
    historyRunning = false;
  }
}

async function showHistory() {
  const hours = Number($("history-range").value);
  const to = new Date();
  const from = new Date(to.getTime() - hours * 3600000);
  const params = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() });
  const filter = $("history-filter").value.trim();
  if (filter) filter.split(/,\s*(?=[a-zA-Z_])/).forEach((f) => params.append("filter", f));
  $("history-summary").textContent = "Reading the history…";
  let h;
  try {
    h = await api("GET", "/api/v1/history?" + params);
  } catch (e) {
    $("history-summary").textContent = "";
    throw e;
  }
  h.fromMs = Date.parse(h.from);
  h.toMs = Date.parse(h.to);
  const alerts = [...h.alerts].sort((a, b) => historyFirst(a) - historyFirst(b) ||
    (a.labels.alertname || "").localeCompare(b.labels.alertname || ""));
  const notes = [alerts.length + " alert" + (alerts.length === 1 ? "" : "s") + " from " + since(h.from) +
    " to " + since(h.to) + " (" + h.scanned + " records read)"];
  if (h.truncated) notes.push("incomplete before " + since(h.completeFrom) + ": the range holds more records than one request reads");
  if (h.alertsOmitted > 0) notes.push(h.alertsOmitted + " less recently active alerts left out");
  $("history-summary").textContent = notes.join(" · ");
  const chart = el("div", { class: "history-chart", "data-range-hours": hours },
    ...historyAxis(h), ...alerts.map((a) => historyRow(h, a)));
  $("history").replaceChildren(alerts.length ? chart : el("p", {}, "No alerts in this range."));
}

// --- navigation -------------------------------------------------------------------------------

const loaders = {
  alerts: loadAlerts, silences: loadSilences, notifications: loadNotifications,
  routes: loadRoutes, config: loadConfig,
};
let current = "alerts";
loaders.history = loadHistory;

function showTab(name) {
  current = name;
  history.replaceState(null, "", location.pathname + location.search + "#" + name);
  document.querySelectorAll(".tab").forEach((t) => { t.hidden = t.id !== name + "-tab"; });
  document.querySelectorAll("#tabs button").forEach((b) => {
    b.classList.toggle("active", b.dataset.tab === name);
  });
}

async function load() {
  if (!state.tenant) {
    say("Enter a tenant id.");
    return;
  }
  try {
    await loaders[current]();
    if ($("message").className !== "ok") say("");
  } catch (e) {
    say(e.message);
  }
  await showDryRun();
}

// Says, on every tab, when the tenant's notifications are recorded instead of sent (its config's
// alertstream.dry_run setting).
async function showDryRun() {
  try {
    const settings = await api("GET", "/api/v1/settings");
    $("dry-run").hidden = settings.dryRun.length === 0;
    $("dry-run").textContent = settings.summary ?
      settings.summary.charAt(0).toUpperCase() + settings.summary.substring(1) + "." : "";
  } catch (e) {
    $("dry-run").hidden = true;
  }
}

$("tenant-form").addEventListener("submit", (e) => {
  e.preventDefault();
  state.tenant = $("tenant").value.trim();
  state.password = $("password").value;
  sessionStorage.setItem("alertstream.tenant", state.tenant);
  load();
});
document.querySelectorAll("#tabs button").forEach((b) =>
  b.addEventListener("click", () => { showTab(b.dataset.tab); load(); }));
$("refresh").addEventListener("click", load);
$("show-silenced").addEventListener("change", load);
$("show-inhibited").addEventListener("change", load);
$("alert-filter").addEventListener("change", load);
$("new-silence").addEventListener("click", () => {
  const now = new Date();
  openSilenceForm("New silence", "", "", now, new Date(now.getTime() + 2 * 3600000), "");
});
$("silence-cancel").addEventListener("click", () => { $("silence-form").hidden = true; });
$("silence-form").addEventListener("submit", saveSilence);
$("silence-matchers").addEventListener("input", previewSilence);
$("replay-form").addEventListener("submit", replay);

$("history-form").addEventListener("submit", (e) => { e.preventDefault(); load(); });
$("history-range").addEventListener("change", load);

const initial = new URLSearchParams(location.search).get("tenant") ||
  sessionStorage.getItem("alertstream.tenant") || "";
$("tenant").value = initial;
state.tenant = initial;
showTab(loaders[location.hash.substring(1)] ? location.hash.substring(1) : "alerts");
load();
