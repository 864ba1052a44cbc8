package io.alertstream.connectors.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GoTextTest {

  @Test
  void quoteMetaEscapesRegexMetacharacters() {
    assertThat(GoText.quoteMeta("team-x")).isEqualTo("team-x");
    assertThat(GoText.quoteMeta("a.b+c*(d)|[e]{f}^$\\"))
        .isEqualTo("a\\.b\\+c\\*\\(d\\)\\|\\[e\\]\\{f\\}\\^\\$\\\\");
  }

  @Test
  void urlQueryEscapesLikeGo() {
    assertThat(GoText.urlQuery("a b/c~*")).isEqualTo("a+b%2Fc~%2A");
  }

  @Test
  void sortedPairsPutAlertnameFirst() {
    assertThat(LabelPairs.of(Map.of("b", "2", "alertname", "X", "a", "1")).names())
        .containsExactly("alertname", "a", "b");
  }
}
