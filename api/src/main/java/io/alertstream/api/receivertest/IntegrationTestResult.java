package io.alertstream.api.receivertest;

/**
 * What became of the test notification to one integration.
 *
 * @param outcome {@code delivered}, {@code failed}, {@code dry_run} or {@code not_sent}
 * @param detail the HTTP status when delivered; otherwise why, naming no secret
 */
public record IntegrationTestResult(
    String type, int index, String id, String outcome, String detail) {

  public boolean delivered() {
    return "delivered".equals(outcome);
  }
}
