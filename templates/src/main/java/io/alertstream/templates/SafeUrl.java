package io.alertstream.templates;

/**
 * A URL a template vouches for ({@code safeUrl}, Go's {@code template.URL}): in an HTML URL
 * attribute it skips the scheme filter, though it is still normalised and escaped.
 */
public record SafeUrl(String url) {

  @Override
  public String toString() {
    return url;
  }
}
