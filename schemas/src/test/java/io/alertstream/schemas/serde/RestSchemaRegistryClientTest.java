package io.alertstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which failures of the registry say "ask again later" and which say the request was wrong. */
class RestSchemaRegistryClientTest {

  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void aRegistryAnswering5xxIsUnavailable() throws Exception {
    String url = answering(503, "{\"message\":\"starting\"}");

    assertThatThrownBy(() -> new RestSchemaRegistryClient(url).schemaById(7))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("answered 503 to /schemas/ids/7");
  }

  @Test
  void aRegistryAnswering429IsUnavailable() throws Exception {
    String url = answering(429, "{}");

    assertThatThrownBy(() -> new RestSchemaRegistryClient(url).schemaById(7))
        .isInstanceOf(RegistryUnavailableException.class);
  }

  @Test
  void anUnknownSchemaIdIsTheRecordsFaultNotAnOutage() throws Exception {
    String url = answering(404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");

    assertThatThrownBy(() -> new RestSchemaRegistryClient(url).schemaById(7))
        .isInstanceOf(SchemaRegistryException.class)
        .isNotInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("answered 404");
  }

  @Test
  void aRegistryNobodyListensForIsUnavailable() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;

    assertThatThrownBy(() -> new RestSchemaRegistryClient(url).schemaById(7))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("is unreachable");
  }

  @Test
  void causedByLooksThroughWrappingExceptions() {
    var outage = new RegistryUnavailableException("down");

    assertThat(RegistryUnavailableException.causedBy(new RuntimeException("task", outage)))
        .isTrue();
    assertThat(
            RegistryUnavailableException.causedBy(
                new SerializationException(new SchemaRegistryException("404"))))
        .isFalse();
    assertThat(RegistryUnavailableException.causedBy(null)).isFalse();
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    assertThat(RegistryUnavailableException.causedBy(a)).as("a loop of causes ends").isFalse();
  }

  private String answering(int status, String body) throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }
}
