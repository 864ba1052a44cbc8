package io.alertstream.topology.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertstream.config.ConfigParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FallbackConfigSourceTest {

  @TempDir Path dir;

  @Test
  void aReloadedFileReplacesTheFallbackAndABrokenOneLeavesIt() throws Exception {
    FallbackConfigSource source =
        new FallbackConfigSource(new ConfigParser().parse(FallbackConfig.DEFAULT));
    Path file = dir.resolve("fallback.yml");
    Files.writeString(file, "route: {receiver: ops}\nreceivers:\n- name: ops\n");

    source.replaceFrom(file);
    assertThat(source.version()).isEqualTo(2);
    assertThat(source.config().route().receiver()).isEqualTo("ops");

    Files.writeString(file, "route: {receiver: nobody}\nreceivers:\n- name: ops\n");
    assertThatThrownBy(() -> source.replaceFrom(file)).hasMessageContaining("nobody");
    assertThat(source.version()).isEqualTo(2);
    assertThat(source.config().route().receiver()).isEqualTo("ops");
  }
}
