package io.alertstream.config.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertstream.config.ConfigParser;
import io.alertstream.config.InvalidConfigException;
import org.junit.jupiter.api.Test;

class ParsedConfigsTest {

  private static final String V1 = "route:\n  receiver: a\nreceivers:\n  - name: a\n";
  private static final String V2 = "route:\n  receiver: b\nreceivers:\n  - name: b\n";

  private final ParsedConfigs configs = new ParsedConfigs(new ConfigParser());

  @Test
  void aVersionIsParsedOnceAndTheSameInstanceShared() throws Exception {
    var first = configs.parse("t", 1, V1);
    var again = configs.parse("t", 1, V1);

    assertThat(again).isSameAs(first);
    assertThat(configs.parses()).isEqualTo(1);
    assertThat(configs.parse("other", 1, V1)).isNotSameAs(first);
  }

  @Test
  void aNewVersionReplacesTheOldAndAnOlderOneDoesNot() throws Exception {
    configs.parse("t", 2, V2);
    var older = configs.parse("t", 1, V1);
    var newer = configs.parse("t", 2, V2);

    assertThat(older.route().receiver()).isEqualTo("a");
    assertThat(newer.route().receiver()).isEqualTo("b");
    assertThat(configs.parses()).isEqualTo(2);
  }

  @Test
  void theSameVersionWithAnotherTextIsParsedAgain() throws Exception {
    configs.parse("t", 1, V1);

    assertThat(configs.parse("t", 1, V2).route().receiver()).isEqualTo("b");
  }

  @Test
  void anInvalidConfigIsRefusedAndNotRemembered() throws Exception {
    assertThatThrownBy(() -> configs.parse("t", 1, "route: {}\n"))
        .isInstanceOf(InvalidConfigException.class);
    assertThat(configs.parse("t", 1, V1).route().receiver()).isEqualTo("a");
  }

  @Test
  void aRememberedParseIsServedWithoutParsingAndAForgottenTenantIsParsedAgain() throws Exception {
    var validated = new ConfigParser().parse(V1);
    configs.remember("t", 3, V1, validated);

    assertThat(configs.parse("t", 3, V1)).isSameAs(validated);
    assertThat(configs.parses()).isZero();

    configs.forget("t");
    assertThat(configs.parse("t", 3, V1)).isNotSameAs(validated);
    assertThat(configs.parses()).isEqualTo(1);
  }
}
