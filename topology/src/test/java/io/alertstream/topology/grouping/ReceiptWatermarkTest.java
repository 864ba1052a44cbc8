package io.alertstream.topology.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ReceiptWatermarkTest {

  private static final long NOW = 1_000_000;
  private static final OptionalLong UNKNOWN = OptionalLong.empty();
  private final ReceiptWatermark watermark = new ReceiptWatermark();

  @Test
  void beforeAnyAlertEverythingDueMayFlush() {
    assertThat(watermark.flushableUpTo(NOW, UNKNOWN)).isEqualTo(NOW);
    assertThat(watermark.flushableUpTo(NOW, OptionalLong.of(10))).isEqualTo(NOW);
  }

  @Test
  void whileRecordsAreUnreadOnlyGroupsDueBeforeWhatWasReadMayFlush() {
    watermark.read(NOW - 10_000, 100, NOW); // read ten seconds after receipt
    long held = NOW - 10_000 - ReceiptWatermark.SKEW_MS;
    assertThat(watermark.flushableUpTo(NOW + 10, OptionalLong.of(500))).isEqualTo(held);
    // Not read from for a second (other tasks' records first): still records to read.
    assertThat(watermark.flushableUpTo(NOW + 1_000, OptionalLong.of(500))).isEqualTo(held);

    watermark.read(NOW - 9_000, 101, NOW + 1_020);
    watermark.read(NOW - 9_500, 102, NOW + 1_030); // out of receipt order: the newest counts
    assertThat(watermark.flushableUpTo(NOW + 1_040, OptionalLong.of(500)))
        .isEqualTo(NOW - 9_000 - ReceiptWatermark.SKEW_MS);
  }

  @Test
  void onceEveryRecordIsReadEverythingDueMayFlush() {
    watermark.read(NOW - 10_000, 499, NOW);
    assertThat(watermark.flushableUpTo(NOW + 1, OptionalLong.of(500))).isEqualTo(NOW + 1);
  }

  @Test
  void oneUnreadOffsetIsATransactionMarkerOnceNothingIsReadForAWhile() {
    watermark.read(NOW - 10_000, 498, NOW);
    assertThat(watermark.flushableUpTo(NOW + 1, OptionalLong.of(500))).isLessThan(NOW);
    long later = NOW + ReceiptWatermark.QUIET_MS;
    assertThat(watermark.flushableUpTo(later, OptionalLong.of(500))).isEqualTo(later);
    assertThat(watermark.flushableUpTo(later, OptionalLong.of(501))).isLessThan(NOW);
  }

  @Test
  void withoutEndOffsetsAQuietSpellMeansCaughtUp() {
    watermark.read(NOW - 10_000, 1, NOW);
    assertThat(watermark.flushableUpTo(NOW + ReceiptWatermark.QUIET_MS - 1, UNKNOWN))
        .isLessThan(NOW);
    long later = NOW + ReceiptWatermark.QUIET_MS;
    assertThat(watermark.flushableUpTo(later, UNKNOWN)).isEqualTo(later);
  }

  @Test
  void aLongSilenceEndsTheHoldWhateverTheOffsets() {
    watermark.read(NOW - 10_000, 1, NOW);
    long later = NOW + ReceiptWatermark.MAX_HOLD_MS;
    assertThat(watermark.flushableUpTo(later, OptionalLong.of(50))).isEqualTo(later);
  }

  @Test
  void readingCurrentAlertsHoldsFlushesBackByTheSkewOnly() {
    watermark.read(NOW, 1, NOW);
    assertThat(watermark.readUpTo()).isEqualTo(NOW - ReceiptWatermark.SKEW_MS);
  }
}
