package io.alertstream.config.matchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertstream.templates.GoQuote;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatcherParserTest {

  @Test
  void parsesTheClassicForms() throws Exception {
    List<Matcher> ms =
        MatcherParser.parseAll("{severity=\"critical\", team=~\"a|b\",env!=dev , x!~\"y.*\"}");

    assertThat(ms)
        .extracting(Matcher::toString)
        .containsExactly("severity=\"critical\"", "team=~\"a|b\"", "env!=\"dev\"", "x!~\"y.*\"");
  }

  @Test
  void keepsCommasAndEscapesInsideQuotes() throws Exception {
    List<Matcher> ms = MatcherParser.parseAll("owners=\"alice,bob\",note=\"say \\\"hi\\\"\\n\"");

    assertThat(ms).extracting(Matcher::value).containsExactly("alice,bob", "say \"hi\"\n");
  }

  @Test
  void acceptsQuotedUtf8LabelNames() throws Exception {
    Matcher m = MatcherParser.parse("\"service name\"=\"checkout\"");

    assertThat(m.name()).isEqualTo("service name");
    assertThat(m.toString()).isEqualTo("\"service name\"=\"checkout\"");
  }

  @Test
  void regexesAreAnchoredAndAbsentLabelsAreEmpty() throws Exception {
    Matcher api = MatcherParser.parse("service=~\"api\"");
    Matcher noTeam = MatcherParser.parse("team=\"\"");

    assertThat(api.matches("api")).isTrue();
    assertThat(api.matches("api-gateway")).isFalse();
    assertThat(noTeam.matches(Map.of("other", "x"))).isTrue();
    assertThat(MatcherParser.parse("team!~\".+\"").matches(Map.of())).isTrue();
  }

  @Test
  void namesWhatIsWrong() {
    assertThatThrownBy(() -> MatcherParser.parse("severity"))
        .hasMessage("bad matcher format: severity");
    assertThatThrownBy(() -> MatcherParser.parse("a=\"b"))
        .hasMessageContaining("unescaped double quote");
    assertThatThrownBy(() -> MatcherParser.parse("a=~\"(b\""))
        .hasMessageStartingWith("error parsing regexp");
  }

  @Test
  void goQuoteEscapesAsGoDoes() {
    assertThat(GoQuote.quote("a\"b\\c\nd\u0001é")).isEqualTo("\"a\\\"b\\\\c\\nd\\x01é\"");
  }

  @Test
  void regexesAreGosRe2NotJavas() throws Exception {
    assertThat(MatcherParser.parse("code=~\"[[:alpha:]]+\"").matches("abc")).isTrue();
    assertThat(MatcherParser.parse("code=~\"[[:alpha:]]+\"").matches(":")).isFalse();
    assertThat(MatcherParser.parse("text=~\"a.c\"").matches("a\nc")).isFalse();
    assertThat(MatcherParser.parse("text=~\"abc\"").matches("abc\n")).isFalse();
    assertThat(MatcherParser.parse("slow=~\"(.*a){20}\"").matches("a".repeat(10_000) + "!"))
        .isFalse();
    assertThatThrownBy(() -> MatcherParser.parse("job=~\"(a)\\\\1\""))
        .isInstanceOf(MatcherSyntaxException.class)
        .hasMessage("error parsing regexp: invalid escape sequence: `\\1`");
  }
}
