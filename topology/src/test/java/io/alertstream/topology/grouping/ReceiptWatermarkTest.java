package io.alertstream.topology.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReceiptWatermarkTest {

  private static final long NOW = 1_000_000;
  private final ReceiptWatermark watermark = new ReceiptWatermark();

  @Test
  void beforeAnyAlertEverythingDueMayFlush() {
    assertThat(watermark.flushableUpTo(NOW)).isEqualTo(NOW);
  }

  @Test
  void whileReadingLateOnlyGroupsDueBeforeWhatWasReadMayFlush() {
    watermark.read(NOW - 10_000, NOW); // read ten seconds after receipt
    assertThat(watermark.flushableUpTo(NOW + 10))
        .isEqualTo(NOW - 10_000 - ReceiptWatermark.SKEW_MS);

    watermark.read(NOW - 9_000, NOW + 20);
    watermark.read(NOW - 9_500, NOW + 30); // out of receipt order: the newest counts
    assertThat(watermark.flushableUpTo(NOW + 40)).isEqualTo(NOW - 9_000 - ReceiptWatermark.SKEW_MS);
  }

  @Test
  void readingCurrentAlertsHoldsFlushesBackByTheSkewOnly() {
    watermark.read(NOW, NOW);
    assertThat(watermark.flushableUpTo(NOW + 10)).isEqualTo(NOW - ReceiptWatermark.SKEW_MS);
  }

  @Test
  void onceNothingIsReadForAWhileEverythingDueMayFlush() {
    watermark.read(NOW - 10_000, NOW);
    assertThat(watermark.flushableUpTo(NOW + ReceiptWatermark.QUIET_MS - 1)).isLessThan(NOW);
    assertThat(watermark.flushableUpTo(NOW + ReceiptWatermark.QUIET_MS))
        .isEqualTo(NOW + ReceiptWatermark.QUIET_MS);
  }
}
