package io.alertstream.connectors.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoTextTest {

  @Test
  void quoteMetaEscapesRegexMetacharacters() {
    assertThat(GoText.quoteMeta("team-x")).isEqualTo("team-x");
    assertThat(GoText.quoteMeta("a.b+c*(d)|[e]{f}^$\\"))
        .isEqualTo("a\\.b\\+c\\*\\(d\\)\\|\\[e\\]\\{f\\}\\^\\$\\\\");
  }
}
