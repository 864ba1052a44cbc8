package io.alertstream.connectors.rendering;

import io.alertstream.templates.AlertmanagerData;
import io.alertstream.templates.Escapers;
import io.alertstream.templates.KV;
import java.util.List;

/**
 * The default HTML email body: the same content and layout as Alertmanager's {@code
 * email.default.html} (a header with the alert count and group labels, a button to the alerts page,
 * firing then resolved alerts with their labels, annotations and source link, a footer link), in
 * Alertstream's own markup and styles.
 */
final class EmailHtml {

  private static final String FONT = "font-family: Helvetica, Arial, sans-serif; font-size: 14px;";

  private EmailHtml() {}

  static String render(AlertmanagerData d) {
    StringBuilder out = new StringBuilder(4096);
    out.append("<!DOCTYPE html>\n<html>\n<head>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width\" />\n")
        .append("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\" />\n")
        .append("<title>")
        .append(Escapers.html(DefaultTemplates.subject(d)))
        .append("</title>\n</head>\n")
        .append("<body style=\"")
        .append(FONT)
        .append(" background-color: #f6f6f6; margin: 0; padding: 20px;\">\n")
        .append("<table width=\"600\" cellpadding=\"0\" cellspacing=\"0\" align=\"center\"")
        .append(" style=\"background-color: #fff; border: 1px solid #e9e9e9;\">\n");
    out.append("<tr><td style=\"")
        .append(FONT)
        .append(" font-size: 16px; color: #fff; background-color: #E6522C; text-align: center;")
        .append(" padding: 20px;\">")
        .append(d.alerts().size())
        .append(" alert")
        .append(d.alerts().size() > 1 ? "s" : "")
        .append(" for");
    for (KV.Pair p : d.groupLabels().sortedPairs()) {
      out.append(' ').append(Escapers.html(p.name())).append('=').append(Escapers.html(p.value()));
    }
    out.append("</td></tr>\n");
    out.append("<tr><td style=\"padding: 10px;\">\n")
        .append("<p><a href=\"")
        .append(Escapers.html(DefaultTemplates.alertmanagerUrl(d)))
        .append("\" style=\"")
        .append(FONT)
        .append(" color: #fff; background-color: #348eda; padding: 10px 20px;")
        .append(" text-decoration: none; font-weight: bold; border-radius: 5px;\">View in ")
        .append(DefaultTemplates.PRODUCT)
        .append("</a></p>\n");
    List<AlertmanagerData.Alert> firing = d.alerts().firing();
    List<AlertmanagerData.Alert> resolved = d.alerts().resolved();
    if (!firing.isEmpty()) {
      out.append("<p><strong>[").append(firing.size()).append("] Firing</strong></p>\n");
      alerts(out, firing);
    }
    if (!resolved.isEmpty()) {
      if (!firing.isEmpty()) {
        out.append("<hr />\n");
      }
      out.append("<p><strong>[").append(resolved.size()).append("] Resolved</strong></p>\n");
      alerts(out, resolved);
    }
    out.append("</td></tr>\n</table>\n")
        .append("<p style=\"")
        .append(FONT)
        .append(" font-size: 12px; text-align: center;\"><a href=\"")
        .append(Escapers.html(d.externalUrl()))
        .append("\" style=\"color: #999;\">Sent by ")
        .append(DefaultTemplates.PRODUCT)
        .append("</a></p>\n</body>\n</html>\n");
    return out.toString();
  }

  private static void alerts(StringBuilder out, List<AlertmanagerData.Alert> alerts) {
    for (AlertmanagerData.Alert alert : alerts) {
      out.append("<p><strong>Labels</strong><br />\n");
      pairs(out, alert.labels());
      if (alert.annotations().size() > 0) {
        out.append("<strong>Annotations</strong><br />\n");
        pairs(out, alert.annotations());
      }
      out.append("<a href=\"")
          .append(Escapers.html(alert.generatorUrl()))
          .append("\" style=\"color: #348eda;\">Source</a></p>\n");
    }
  }

  private static void pairs(StringBuilder out, KV pairs) {
    for (KV.Pair p : pairs.sortedPairs()) {
      out.append(Escapers.html(p.name()))
          .append(" = ")
          .append(Escapers.html(p.value()))
          .append("<br />\n");
    }
  }
}
