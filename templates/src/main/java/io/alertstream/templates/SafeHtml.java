package io.alertstream.templates;

/** HTML that is not escaped when printed in an HTML template ({@code safeHtml}). */
public record SafeHtml(String html) {

  @Override
  public String toString() {
    return html;
  }
}
