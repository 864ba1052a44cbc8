package io.alertstream.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoRegexpTest {

  /** A value that counts how often the engine reads it, and gives up past a limit. */
  private static final class CountingText implements CharSequence {
    private final String text;
    private final long limit;
    long reads;

    CountingText(String text, long limit) {
      this.text = text;
      this.limit = limit;
    }

    @Override
    public char charAt(int index) {
      if (++reads > limit) {
        throw new IllegalStateException("read more than " + limit + " characters");
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  @Test
  void aPatternThatBacktracksCatastrophicallyInJavaIsDecidedInLinearTime() throws Exception {
    String value = "a".repeat(10_000) + "!";
    String pattern = "(.*a){20}";

    // java.util.regex reads the value over and over: stopped after a thousand times its length.
    CountingText forJava = new CountingText(value, 1_000L * value.length());
    assertThatThrownBy(() -> Pattern.compile("^(?:" + pattern + ")$").matcher(forJava).matches())
        .isInstanceOf(IllegalStateException.class);

    // Go's engine decides within a bounded number of reads per character.
    CountingText forRe2 = new CountingText(value, 1_000L * value.length());
    assertThat(GoRegexp.anchored(pattern).matches(forRe2)).isFalse();
    assertThat(forRe2.reads).isLessThan(10L * value.length());
    assertThat(GoRegexp.anchored(pattern).matches(value.substring(0, 10_000))).isTrue();
  }

  @ParameterizedTest(name = "{0} ~ {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "[[:alpha:]]+;abcXYZ;true",
        "[[:alpha:]]+;[:alpha:];false",
        "\\pL+;Zürich;true",
        "\\p{Greek}+;αβγ;true",
        "\\p{Greek}+;abc;false",
        "(?i)prod;PROD;true",
        "\\Q.*\\E;.*;true",
        "\\Q.*\\E;ab;false",
        "x+?y{2,3};xxyyy;true",
        "a|b;b;true",
        "ab|cd;cd;true",
        "ab|cd;abcd;false",
      })
  void speaksGoSyntax(String pattern, String value, boolean matches) throws Exception {
    assertThat(GoRegexp.anchored(pattern).matches(value)).isEqualTo(matches);
  }

  @Test
  void anchoredDotDoesNotMatchANewlineUnlessAskedTo() throws Exception {
    assertThat(GoRegexp.anchored("a.c").matches("a\nc")).isFalse();
    assertThat(GoRegexp.anchored("(?s)a.c").matches("a\nc")).isTrue();
    // Java's $ also matches before a final newline; Go's does not.
    assertThat(GoRegexp.anchored("abc").matches("abc\n")).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "(foo|error parsing regexp: missing closing ): `^(?:(foo)$`",
        "x{1001}|error parsing regexp: invalid repeat count: `{1001}`",
        "(a)\\1|error parsing regexp: invalid escape sequence: `\\1`",
        "a*+|error parsing regexp: invalid nested repetition operator: `*+`",
      })
  void refusesWhatGoRefusesInGosWords(String pattern, String message) {
    assertThatThrownBy(() -> GoRegexp.anchored(pattern))
        .isInstanceOf(GoRegexp.SyntaxException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0} on {1} with {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // An empty match right after a match is not replaced (Java's replaceAll gives -b--c-).
        "a*|baaac|-|-b-c-",
        "db-([0-9]+)|db-12 db-3|#$1|#12 #3",
        "(?P<host>[a-z]+):(?P<port>\\d+)|web:80|${port}@${host}|80@web",
        "(x)|x|$1y|",
        "(x)|x|${1}y|xy",
        "(x)|x|$$1|$1",
        "(x)|x|$|$",
        "(x)|x|${1|${1",
        "(x)|x|$01|",
        "(x)|x|$2|",
        "(x)|x|$unknown|",
        "|abc|-|-a-b-c-",
        "é|aéb|E|aEb",
      })
  void replacesAllAsGoDoes(String pattern, String text, String template, String expected)
      throws Exception {
    assertThat(
            GoRegexp.compile(pattern == null ? "" : pattern)
                .replaceAll(text, template, Long.MAX_VALUE))
        .isEqualTo(expected == null ? "" : expected);
  }

  @Test
  void stopsAReplacementThatGrowsPastTheLimit() throws Exception {
    GoRegexp any = GoRegexp.compile("a");
    assertThatThrownBy(() -> any.replaceAll("a".repeat(1000), "x".repeat(1000), 10_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("render limit");
  }

  @Test
  void theLiteralFastPathDecidesAsTheEngineDoes() throws Exception {
    List<String> patterns =
        List.of(
            "",
            "api",
            "warning|info",
            "High.*",
            "api|api-.*",
            ".*",
            "a|",
            "x.*|y",
            "db-1 :/=,@%!",
            "a.b",
            "a\\|b",
            "(?i)api",
            "api$",
            "^api",
            "a*",
            "[a]",
            "a.*b");
    List<String> values =
        List.of(
            "",
            "api",
            "API",
            "api-1",
            "api-\n",
            "warning",
            "info",
            "warn",
            "High",
            "HighLatency",
            "High\nLatency",
            "Low",
            "a",
            "x",
            "xyz",
            "y",
            "db-1 :/=,@%!",
            "a.b",
            "axb",
            "a|b",
            "a\\");
    for (String pattern : patterns) {
      GoRegexp fast = GoRegexp.anchored(pattern);
      com.google.re2j.Pattern engine = com.google.re2j.Pattern.compile("^(?:" + pattern + ")$");
      for (String value : values) {
        assertThat(fast.matches(value))
            .as("%s ~ %s", pattern, value)
            .isEqualTo(engine.matcher(value).find());
      }
    }
  }
}
