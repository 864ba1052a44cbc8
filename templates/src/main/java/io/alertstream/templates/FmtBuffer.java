package io.alertstream.templates;

/**
 * The output of one fmt call. It refuses to grow past its limit, checking each addition (padding
 * and precision zeros included) before anything is allocated for it.
 */
final class FmtBuffer {

  private final StringBuilder out = new StringBuilder();
  private final long limit;

  FmtBuffer(long limit) {
    this.limit = limit;
  }

  /** Fails unless {@code more} characters still fit. */
  void ensure(long more) throws TemplateException {
    if (more > limit - out.length()) {
      throw new TemplateException(
          "rendering stopped: printf result longer than " + limit + " characters (render limit)");
    }
  }

  FmtBuffer append(String s) throws TemplateException {
    ensure(s.length());
    out.append(s);
    return this;
  }

  FmtBuffer append(char c) throws TemplateException {
    ensure(1);
    out.append(c);
    return this;
  }

  FmtBuffer appendCodePoint(int cp) throws TemplateException {
    ensure(Character.charCount(cp));
    out.appendCodePoint(cp);
    return this;
  }

  void write(FmtText text) throws TemplateException {
    ensure(text.chars());
    text.appendTo(out);
  }

  /**
   * Writes {@code body} padded to the spec's width (counted in runes): with spaces on the right for
   * '-', else on the left, with zeros instead of spaces when '0' was given and {@code zeros}
   * allows.
   */
  void pad(FmtText body, FmtSpec spec, boolean zeros) throws TemplateException {
    long missing = spec.hasWidth() ? spec.width() - body.runes() : 0;
    if (missing <= 0) {
      write(body);
      return;
    }
    ensure(body.chars() + missing);
    FmtText padded = new FmtText();
    if (spec.minus()) {
      padded.add(body).run(' ', missing);
    } else {
      padded.run(spec.zeroPad() && zeros ? '0' : ' ', missing).add(body);
    }
    padded.appendTo(out);
  }

  void pad(String body, FmtSpec spec, boolean zeros) throws TemplateException {
    pad(FmtText.of(body), spec, zeros);
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
