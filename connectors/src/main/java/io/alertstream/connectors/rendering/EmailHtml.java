package io.alertstream.connectors.rendering;

import io.alertstream.templates.AlertmanagerData;
import io.alertstream.templates.KV;
import io.alertstream.templates.NativeTemplate;
import io.alertstream.templates.TemplateException;
import java.util.List;

/**
 * The default HTML email body: the same content and layout as Alertmanager's {@code
 * email.default.html} (a header with the alert count and group labels, a button to the alerts page,
 * firing then resolved alerts with their labels, annotations and source link, a footer link), in
 * Alertstream's own markup and styles. Like Alertmanager's, it calls {@code __subject}, {@code
 * __alertmanagerURL} and {@code __alertmanager} by name.
 */
final class EmailHtml {

  private static final String FONT = "font-family: Helvetica, Arial, sans-serif; font-size: 14px;";

  private EmailHtml() {}

  /**
   * Writes the body. Markup is the template's own text; data goes out as printed values (escaped
   * for where it lands in HTML) and the subject, alerts link and product name as calls of {@code
   * __subject}, {@code __alertmanagerURL} and {@code __alertmanager}, which a tenant may define.
   */
  static void render(AlertmanagerData d, NativeTemplate.Output out) throws TemplateException {
    out.text("<!DOCTYPE html>\n<html>\n<head>\n")
        .text("<meta name=\"viewport\" content=\"width=device-width\" />\n")
        .text("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\" />\n")
        .text("<title>")
        .template("__subject", d)
        .text("</title>\n</head>\n")
        .text(
            "<body style=\"" + FONT + " background-color: #f6f6f6; margin: 0; padding: 20px;\">\n")
        .text("<table width=\"600\" cellpadding=\"0\" cellspacing=\"0\" align=\"center\"")
        .text(" style=\"background-color: #fff; border: 1px solid #e9e9e9;\">\n");
    out.text("<tr><td style=\"" + FONT)
        .text(" font-size: 16px; color: #fff; background-color: #E6522C; text-align: center;")
        .text(" padding: 20px;\">")
        .value((long) d.alerts().size())
        .text(" alert" + (d.alerts().size() > 1 ? "s" : "") + " for");
    for (KV.Pair p : d.groupLabels().sortedPairs()) {
      out.text(" ").value(p.name()).text("=").value(p.value());
    }
    out.text("</td></tr>\n");
    out.text("<tr><td style=\"padding: 10px;\">\n")
        .text("<p><a href=\"")
        .template("__alertmanagerURL", d)
        .text("\" style=\"" + FONT)
        .text(" color: #fff; background-color: #348eda; padding: 10px 20px;")
        .text(" text-decoration: none; font-weight: bold; border-radius: 5px;\">View in ")
        .template("__alertmanager", d)
        .text("</a></p>\n");
    List<AlertmanagerData.Alert> firing = d.alerts().firing();
    List<AlertmanagerData.Alert> resolved = d.alerts().resolved();
    if (!firing.isEmpty()) {
      out.text("<p><strong>[").value((long) firing.size()).text("] Firing</strong></p>\n");
      alerts(out, firing);
    }
    if (!resolved.isEmpty()) {
      if (!firing.isEmpty()) {
        out.text("<hr />\n");
      }
      out.text("<p><strong>[").value((long) resolved.size()).text("] Resolved</strong></p>\n");
      alerts(out, resolved);
    }
    out.text("</td></tr>\n</table>\n")
        .text("<p style=\"" + FONT + " font-size: 12px; text-align: center;\"><a href=\"")
        .value(d.externalUrl())
        .text("\" style=\"color: #999;\">Sent by ")
        .template("__alertmanager", d)
        .text("</a></p>\n</body>\n</html>\n");
  }

  private static void alerts(NativeTemplate.Output out, List<AlertmanagerData.Alert> alerts)
      throws TemplateException {
    for (AlertmanagerData.Alert alert : alerts) {
      out.text("<p><strong>Labels</strong><br />\n");
      pairs(out, alert.labels());
      if (alert.annotations().size() > 0) {
        out.text("<strong>Annotations</strong><br />\n");
        pairs(out, alert.annotations());
      }
      out.text("<a href=\"")
          .value(alert.generatorUrl())
          .text("\" style=\"color: #348eda;\">Source</a></p>\n");
    }
  }

  private static void pairs(NativeTemplate.Output out, KV pairs) throws TemplateException {
    for (KV.Pair p : pairs.sortedPairs()) {
      out.value(p.name()).text(" = ").value(p.value()).text("<br />\n");
    }
  }
}
