package io.alertstream.config.receivers;

/**
 * One integration of a receiver as the notification pipeline sees it.
 *
 * @param type its type's name in {@link IntegrationTypes}: {@code webhook}, {@code slack}, ...
 * @param index its position among the receiver's integrations of that type; the notification log is
 *     kept per position, as Alertmanager's is
 * @param sendResolved whether resolved alerts are sent to it
 * @param id its stable id ({@link IntegrationId}): what a notification names, so that it is
 *     delivered to exactly this integration or to none
 * @param settings its settings record, e.g. a {@link SlackConfig}
 */
public record Integration(
    String type, int index, boolean sendResolved, String id, Object settings) {

  /** An integration with its stable id computed from the receiver's name and the settings. */
  public static Integration of(
      String receiver, String type, int index, boolean sendResolved, Object settings) {
    return new Integration(
        type, index, sendResolved, IntegrationId.of(receiver, type, settings), settings);
  }

  /** The settings as the record of the integration's type. */
  public <C> C settings(Class<C> type) {
    return type.cast(settings);
  }
}
