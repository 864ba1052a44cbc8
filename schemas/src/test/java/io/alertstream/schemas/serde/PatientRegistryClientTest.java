package io.alertstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class PatientRegistryClientTest {

  private static final Schema SCHEMA = Schema.create(Schema.Type.STRING);

  private long now;
  private final List<Long> pauses = new ArrayList<>();

  @Test
  void aRegistryBackWithinThePatienceAnswersAfterPauses() {
    var registry = new FailingRegistry(3, new RegistryUnavailableException("down"));

    Schema answer = patient(registry).schemaById(1);

    assertThat(answer).isEqualTo(SCHEMA);
    assertThat(registry.calls).isEqualTo(4);
    assertThat(pauses).containsExactly(100L, 200L, 400L);
  }

  @Test
  void aRegistryDownLongerThanThePatienceFailsWithItsLastFailure() {
    var registry = new FailingRegistry(Integer.MAX_VALUE, new RegistryUnavailableException("down"));

    assertThatThrownBy(() -> patient(registry).register("s", SCHEMA))
        .isInstanceOf(RegistryUnavailableException.class);
    assertThat(pauses).containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L, 1000L);
    assertThat(pauses.stream().mapToLong(Long::longValue).sum()).isLessThanOrEqualTo(5_000L);
  }

  @Test
  void aRefusalThatIsNotAnOutageIsNotAskedAgain() {
    var registry = new FailingRegistry(1, new SchemaRegistryException("answered 404"));

    assertThatThrownBy(() -> patient(registry).schemaById(9))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessage("answered 404");
    assertThat(registry.calls).isEqualTo(1);
    assertThat(pauses).isEmpty();
  }

  private PatientRegistryClient patient(SchemaRegistryClient registry) {
    return new PatientRegistryClient(
        registry,
        Duration.ofSeconds(5),
        () -> now,
        millis -> {
          pauses.add(millis);
          now += millis;
        });
  }

  /** Fails the first {@code failures} calls with {@code failure}, then answers. */
  private static final class FailingRegistry implements SchemaRegistryClient {
    private final int failures;
    private final RuntimeException failure;
    int calls;

    FailingRegistry(int failures, RuntimeException failure) {
      this.failures = failures;
      this.failure = failure;
    }

    @Override
    public int register(String subject, Schema schema) {
      answer();
      return 1;
    }

    @Override
    public Schema schemaById(int id) {
      answer();
      return SCHEMA;
    }

    private void answer() {
      if (++calls <= failures) {
        throw failure;
      }
    }
  }
}
