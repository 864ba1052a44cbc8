package io.alertstream.config.matchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The UTF-8 matcher grammar of Alertmanager 0.27+, and when it is used in place of 0.25's. */
class Utf8MatchersTest {

  @Test
  void readsQuotedAndUnquotedUtf8NamesAndValues() throws Exception {
    List<Matcher> ms =
        Utf8MatcherParser.parseAll(
            "{\"service.name\"=\"checkout\", größe=~\"[0-9]+\", env!=prod, \"a b\"!~\"x\\u00e9\"}");

    assertThat(ms).extracting(Matcher::name).containsExactly("service.name", "größe", "env", "a b");
    assertThat(ms).extracting(Matcher::value).containsExactly("checkout", "[0-9]+", "prod", "xé");
    assertThat(ms)
        .extracting(Matcher::type)
        .containsExactly(
            MatchType.EQUAL, MatchType.REGEXP, MatchType.NOT_EQUAL, MatchType.NOT_REGEXP);
  }

  @Test
  void bracesAreOptionalButMustPairAndATrailingCommaIsAllowed() throws Exception {
    assertThat(Utf8MatcherParser.parseAll("a=1,")).hasSize(1);
    assertThat(Utf8MatcherParser.parseAll("{}")).isEmpty();
    assertThat(Utf8MatcherParser.parseAll("")).isEmpty();
    assertThatThrownBy(() -> Utf8MatcherParser.parseAll("{a=1"))
        .hasMessage("0:4: end of input: expected close brace");
    assertThatThrownBy(() -> Utf8MatcherParser.parseAll("a=1}"))
        .hasMessage("0:4: }: expected opening brace");
  }

  @Test
  void errorsSayWhereAndWhatWasExpected() {
    assertThatThrownBy(() -> Utf8MatcherParser.parseAll("a=\"b"))
        .hasMessage("2:4: \"b: missing end \"");
    assertThatThrownBy(() -> Utf8MatcherParser.parseAll("a b=c"))
        .hasMessage("2:3: unexpected b: expected an operator such as '=', '!=', '=~' or '!~'");
    assertThatThrownBy(() -> Utf8MatcherParser.parseAll("a!b"))
        .hasMessage("1:2: !: expected one of '=~'");
    assertThatThrownBy(() -> Utf8MatcherParser.parseAll("a=\"\\q\""))
        .hasMessage("2:6: \"\\q\": invalid input");
    assertThatThrownBy(() -> Utf8MatcherParser.parseAll("a=~\"(\""))
        .hasMessageStartingWith("failed to create matcher: error parsing regexp");
  }

  @Test
  void theClassicReadingWinsWhereBothGrammarsReadTheText() throws Exception {
    // 0.25 reads \x as a backslash and an x; Go's string syntax reads \x41 as "A".
    assertThat(Utf8MatcherParser.parseAll("a=\"\\x41\"").get(0).value()).isEqualTo("A");
    assertThat(MatcherParser.parse("a=\"\\x41\"").value()).isEqualTo("\\x41");
    // Go's string syntax refuses \d; the classic grammar reads it as it always did.
    assertThat(MatcherParser.parse("path=~\"\\d+\"").value()).isEqualTo("\\d+");
    // Unquoted regex with characters the UTF-8 grammar reserves: classic only.
    assertThat(MatcherParser.parse("team=~a|b").value()).isEqualTo("a|b");
  }

  @Test
  void textOnlyTheUtf8GrammarReadsIsReadWithIt() throws Exception {
    assertThat(MatcherParser.parseAll("{\"service.name\"=\"checkout\", env=\"prod\"}"))
        .containsExactly(
            Matcher.of("service.name", MatchType.EQUAL, "checkout"),
            Matcher.of("env", MatchType.EQUAL, "prod"));
    assertThat(MatcherParser.parse("service.name=checkout").name()).isEqualTo("service.name");
    assertThat(
            MatcherParser.parse("\"service name\"=checkout")
                .matches(Map.of("service name", "checkout")))
        .isTrue();
  }

  @Test
  void whenNeitherReadsTheTextTheClassicErrorIsGiven() {
    assertThatThrownBy(() -> MatcherParser.parse("a b c")).hasMessage("bad matcher format: a b c");
    assertThatThrownBy(() -> MatcherParser.parse("{a=1}"))
        .hasMessage("unexpected open or close brace: {a=1}");
  }

  @Test
  void goStringLiteralsFollowStrconvUnquote() {
    assertThat(GoStringLiteral.unquote("\"a\\tb\\x41\\101\\u00e9\\U0001F600\""))
        .isEqualTo("a\tbAAé\uD83D\uDE00");
    assertThatThrownBy(() -> GoStringLiteral.unquote("\"\\xff\""))
        .hasMessageContaining("invalid UTF-8");
    assertThatThrownBy(() -> GoStringLiteral.unquote("\"a\nb\"")).hasMessageContaining("newline");
  }

  @Test
  void labelNamesAreAnyNonEmptyUtf8() {
    assertThat(LabelNames.isValid("service.name")).isTrue();
    assertThat(LabelNames.isValid("Größe 🙂")).isTrue();
    assertThat(LabelNames.isValid("")).isFalse();
    assertThat(LabelNames.isValid("bad\uD800")).isFalse();
  }
}
