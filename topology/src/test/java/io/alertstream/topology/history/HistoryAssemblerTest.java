package io.alertstream.topology.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertstream.config.matchers.MatcherParser;
import io.alertstream.config.matchers.Matchers;
import io.alertstream.schemas.AlertEvent;
import io.alertstream.topology.alerts.Fingerprint;
import io.alertstream.topology.explain.Decision;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryAssemblerTest {

  private static final long MIN = 60_000;
  private static final long FROM = 1_000 * MIN;
  private static final long TO = FROM + 360 * MIN;
  private static final long RESOLVE_TIMEOUT = 5 * MIN;
  private static final Map<String, String> DISK = Map.of("alertname", "DiskFull", "team", "db");
  private static final Map<String, String> CPU = Map.of("alertname", "CpuHigh", "team", "web");
  private static final String DISK_FP = Fingerprint.of(DISK);

  private HistoryAssembler assembler = assembler(Matchers.NONE, TO);

  private static HistoryAssembler assembler(Matchers filter, long now) {
    return new HistoryAssembler(new HistoryQuery(FROM, TO, now, filter, RESOLVE_TIMEOUT));
  }

  /** A ruler's receipt at {@code at}: the alert started at {@code starts}, ends at {@code ends}. */
  private void receipt(Map<String, String> labels, long at, long starts, Long ends) {
    assembler.receipt(
        AlertEvent.newBuilder()
            .setLabels(labels)
            .setStartsAt(Instant.ofEpochMilli(starts))
            .setEndsAt(ends == null ? null : Instant.ofEpochMilli(ends))
            .setReceivedAt(Instant.ofEpochMilli(at))
            .build(),
        at);
  }

  /** Receipts every minute from {@code first} to {@code last}, each ending 4 minutes ahead. */
  private void firing(Map<String, String> labels, long starts, long first, long last) {
    for (long at = first; at <= last; at += MIN) {
      receipt(labels, at, starts, at + 4 * MIN);
    }
  }

  private void decision(String fingerprint, long at, String kind, String ref) {
    assembler.decision(new Decision(at, fingerprint, kind, kind + " because of " + ref, ref));
  }

  private History result() {
    return assembler.result(123, 0, FROM);
  }

  private AlertTimeline only() {
    assertThat(result().alerts()).hasSize(1);
    return result().alerts().get(0);
  }

  @Test
  void reSendsExtendOnePeriodAndAResolveClosesIt() {
    long start = FROM + 10 * MIN;
    firing(DISK, start, start, start + 20 * MIN);
    receipt(DISK, start + 21 * MIN, start, start + 21 * MIN);

    AlertTimeline alert = only();

    assertThat(alert.fingerprint()).isEqualTo(DISK_FP);
    assertThat(alert.labels()).isEqualTo(DISK);
    assertThat(alert.periods())
        .containsExactly(new AlertTimeline.Period(start, start + 21 * MIN, false));
  }

  @Test
  void anAlertStillFiringAtNowIsAnOpenPeriod() {
    long start = TO - 30 * MIN;
    firing(DISK, start, start, TO);

    assertThat(only().periods()).containsExactly(new AlertTimeline.Period(start, null, false));
  }

  @Test
  void withoutEndsAtAnAlertEndsAResolveTimeoutAfterItsLastReceipt() {
    long at = FROM + 10 * MIN;
    receipt(DISK, at, at, null);
    receipt(DISK, at + MIN, at, null);

    assertThat(only().periods())
        .containsExactly(new AlertTimeline.Period(at, at + MIN + RESOLVE_TIMEOUT, false));
  }

  @Test
  void aNewStartsAtAfterTheResolveOpensASecondPeriod() {
    long first = FROM + 10 * MIN;
    firing(DISK, first, first, first + 5 * MIN);
    receipt(DISK, first + 6 * MIN, first, first + 6 * MIN);
    long second = first + 30 * MIN;
    firing(DISK, second, second, second + 5 * MIN);
    receipt(DISK, second + 6 * MIN, second, second + 6 * MIN);

    assertThat(only().periods())
        .containsExactly(
            new AlertTimeline.Period(first, first + 6 * MIN, false),
            new AlertTimeline.Period(second, second + 6 * MIN, false));
  }

  @Test
  void resolvedReSendsKeepThePeriodClosed() {
    long start = FROM + 10 * MIN;
    firing(DISK, start, start, start + 5 * MIN);
    long resolved = start + 6 * MIN;
    for (long at = resolved; at < resolved + 15 * MIN; at += MIN) {
      receipt(DISK, at, start, resolved);
    }

    assertThat(only().periods()).containsExactly(new AlertTimeline.Period(start, resolved, false));
  }

  @Test
  void aPeriodThatStartedBeforeTheRangeIsClippedAndOneThatEndedBeforeItIsLeftOut() {
    long early = FROM - 50 * MIN;
    firing(CPU, early, early, early + 5 * MIN);
    receipt(CPU, early + 6 * MIN, early, early + 6 * MIN);
    long started = FROM - 3 * 60 * MIN;
    firing(DISK, started, FROM - 30 * MIN, FROM + 10 * MIN);
    receipt(DISK, FROM + 11 * MIN, started, FROM + 11 * MIN);

    AlertTimeline alert = only();

    assertThat(alert.fingerprint()).isEqualTo(DISK_FP);
    assertThat(alert.periods())
        .containsExactly(new AlertTimeline.Period(FROM, FROM + 11 * MIN, true));
  }

  @Test
  void consecutiveSilencedFlushesCollapseIntoOneSpanUntilAnotherSilenceOrANotification() {
    long start = FROM + 10 * MIN;
    firing(DISK, start, start, start + 60 * MIN);
    for (int i = 0; i < 4; i++) {
      decision(DISK_FP, start + i * 5 * MIN, Decision.SILENCED, "s-1");
    }
    decision(DISK_FP, start + 20 * MIN, Decision.SILENCED, "s-2");
    decision(DISK_FP, start + 25 * MIN, Decision.SILENCED, "s-2");
    decision(DISK_FP, start + 30 * MIN, Decision.NOTIFIED, "n-1");
    decision(DISK_FP, start + 35 * MIN, Decision.SILENCED, "s-2");

    AlertTimeline alert = only();

    assertThat(alert.silenced())
        .extracting(AlertTimeline.Span::from, AlertTimeline.Span::to, AlertTimeline.Span::ref)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(start, start + 15 * MIN, "s-1"),
            org.assertj.core.groups.Tuple.tuple(start + 20 * MIN, start + 25 * MIN, "s-2"),
            org.assertj.core.groups.Tuple.tuple(start + 35 * MIN, start + 35 * MIN, "s-2"));
    assertThat(alert.silenced()).extracting(AlertTimeline.Span::count).containsExactly(4, 2, 1);
    assertThat(alert.notifications())
        .containsExactly(
            new AlertTimeline.Marker(start + 30 * MIN, "n-1", "notified because of n-1"));
  }

  @Test
  void inhibitionSpansNameTheInhibitingAlertAndEndWhenTheAlertIsSilencedInstead() {
    long start = FROM + 10 * MIN;
    firing(DISK, start, start, start + 60 * MIN);
    decision(DISK_FP, start + 5 * MIN, Decision.INHIBITED, "aaaa");
    decision(DISK_FP, start + 10 * MIN, Decision.INHIBITED, "aaaa");
    decision(DISK_FP, start + 15 * MIN, Decision.SILENCED, "s-1");
    decision(DISK_FP, start + 20 * MIN, Decision.INHIBITED, "aaaa");
    decision(DISK_FP, start + 25 * MIN, Decision.MUTED, "weekends");

    AlertTimeline alert = only();

    assertThat(alert.inhibited())
        .extracting(AlertTimeline.Span::from, AlertTimeline.Span::to, AlertTimeline.Span::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(start + 5 * MIN, start + 10 * MIN, 2),
            org.assertj.core.groups.Tuple.tuple(start + 20 * MIN, start + 20 * MIN, 1));
    assertThat(alert.silenced()).extracting(AlertTimeline.Span::ref).containsExactly("s-1");
    assertThat(alert.muted()).extracting(AlertTimeline.Span::ref).containsExactly("weekends");
  }

  @Test
  void aSilenceRunDoesNotReachAcrossAReFire() {
    long first = FROM + 10 * MIN;
    firing(DISK, first, first, first + 5 * MIN);
    receipt(DISK, first + 6 * MIN, first, first + 6 * MIN);
    long second = first + 30 * MIN;
    firing(DISK, second, second, second + 5 * MIN);
    decision(DISK_FP, first + MIN, Decision.SILENCED, "s-1");
    decision(DISK_FP, first + 6 * MIN, Decision.SILENCED, "s-1");
    decision(DISK_FP, second + MIN, Decision.SILENCED, "s-1");

    assertThat(only().silenced())
        .extracting(AlertTimeline.Span::from, AlertTimeline.Span::to)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(first + MIN, first + 6 * MIN),
            org.assertj.core.groups.Tuple.tuple(second + MIN, second + MIN));
  }

  @Test
  void theFilterKeepsMatchingAlertsAndTheirDecisionsOnly() throws Exception {
    assembler = assembler(Matchers.of(List.of(MatcherParser.parse("team=~\"d.*\""))), TO);
    long start = FROM + 10 * MIN;
    firing(DISK, start, start, start + 5 * MIN);
    firing(CPU, start, start, start + 5 * MIN);
    decision(Fingerprint.of(CPU), start + MIN, Decision.NOTIFIED, "n-cpu");
    decision(DISK_FP, start + MIN, Decision.NOTIFIED, "n-disk");

    AlertTimeline alert = only();

    assertThat(alert.fingerprint()).isEqualTo(DISK_FP);
    assertThat(alert.notifications())
        .extracting(AlertTimeline.Marker::ref)
        .containsExactly("n-disk");
  }

  @Test
  void aNotificationsDecisionMarksEachOfItsAlerts() throws Exception {
    long start = FROM + 10 * MIN;
    firing(DISK, start, start, start + 5 * MIN);
    firing(CPU, start, start, start + 5 * MIN);
    // As the topic carries it since issue 19: one decision for the notification, read as JSON.
    String json =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .writeValueAsString(
                new Decision(
                    start + MIN,
                    "",
                    Decision.NOTIFIED,
                    "notified both",
                    "n-both",
                    List.of(DISK_FP, Fingerprint.of(CPU))));
    assembler.decision(
        new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Decision.class));

    assertThat(result().alerts())
        .hasSize(2)
        .allSatisfy(
            a ->
                assertThat(a.notifications())
                    .extracting(AlertTimeline.Marker::ref)
                    .containsExactly("n-both"));
  }

  @Test
  void decisionsAboutAlertsWithoutReceiptsAndOutsideTheRangeAreIgnored() {
    long start = FROM + 10 * MIN;
    firing(DISK, start, start, start + 5 * MIN);
    decision(Fingerprint.of(CPU), start, Decision.NOTIFIED, "n-cpu");
    decision(DISK_FP, FROM - MIN, Decision.NOTIFIED, "n-before");
    decision(DISK_FP, TO + MIN, Decision.NOTIFIED, "n-after");

    AlertTimeline alert = only();

    assertThat(alert.notifications()).isEmpty();
  }

  @Test
  void theAnswerHoldsTheMostRecentlyActiveAlertsUpToItsCap() {
    int count = HistoryAssembler.MAX_ALERTS + 3;
    for (int i = 0; i < count; i++) {
      long at = FROM + i * 1000L;
      receipt(Map.of("alertname", "A" + i), at, at, at + 1000L);
    }

    History history = result();

    assertThat(history.alerts()).hasSize(HistoryAssembler.MAX_ALERTS);
    assertThat(history.alertsOmitted()).isEqualTo(3);
    assertThat(history.alerts().get(0).labels()).containsEntry("alertname", "A" + (count - 1));
    assertThat(history.alerts())
        .extracting(a -> a.labels().get("alertname"))
        .doesNotContain("A0", "A1", "A2");
  }

  @Test
  void beyondTheAlertsFollowedAtOnceTheLeastRecentlyReceivedAreForgottenAndCounted() {
    for (int i = 0; i <= HistoryAssembler.MAX_TRACKED; i++) {
      long at = FROM + i;
      receipt(Map.of("alertname", "A" + i), at, at, at + MIN);
    }

    History history = result();

    assertThat(history.alerts()).hasSize(HistoryAssembler.MAX_ALERTS);
    assertThat(history.alertsOmitted())
        .isEqualTo(HistoryAssembler.MAX_TRACKED + 1 - HistoryAssembler.MAX_ALERTS);
  }

  @Test
  void anAlertKeepsItsLatestNotificationsUpToItsCapAndSaysSo() {
    long start = FROM + MIN;
    firing(DISK, start, start, start + 5 * MIN);
    int count = AlertTrack.MAX_NOTIFICATIONS + 2;
    for (int i = 0; i < count; i++) {
      decision(DISK_FP, start + i * 1000L, Decision.NOTIFIED, "n-" + i);
    }

    AlertTimeline alert = only();

    assertThat(alert.truncated()).isTrue();
    assertThat(alert.notifications()).hasSize(AlertTrack.MAX_NOTIFICATIONS);
    assertThat(alert.notifications().get(0).ref()).isEqualTo("n-2");
  }

  @Test
  void aHistoryReadFromLaterThanAskedSaysItIsTruncated() {
    firing(DISK, FROM + 10 * MIN, FROM + 10 * MIN, FROM + 12 * MIN);

    History cut = assembler.result(10, 0, FROM + 5 * MIN);
    History whole = assembler.result(10, 0, FROM - 30 * MIN);

    assertThat(cut.truncated()).isTrue();
    assertThat(cut.completeFrom()).isEqualTo(FROM + 5 * MIN);
    assertThat(whole.truncated()).isFalse();
    assertThat(whole.completeFrom()).isEqualTo(FROM);
    assertThat(whole.scanned()).isEqualTo(10);
  }
}
