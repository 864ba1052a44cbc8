package io.alertstream.api.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alertmanager's {@code POST /-/reload} (or PUT): re-reads what the instance was started with and
 * can take again without a restart (the limits overrides file; the local launcher's tenant files).
 * 200 with a line per part; 500 naming the part that failed, as Alertmanager answers "failed to
 * reload config"; the parts read before it stay applied, the failed one keeps what it had.
 */
public final class ReloadHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ReloadHandler.class);

  private final List<Reloadable> parts = new CopyOnWriteArrayList<>();
  private final InstanceConfigStatus status;

  /**
   * @param status told whether each reload succeeded
   */
  public ReloadHandler(InstanceConfigStatus status) {
    this.status = status;
  }

  public void add(Reloadable part) {
    parts.add(part);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!OpsAnswers.allowOnly(
          exchange, Set.of("POST", "PUT"), "Only POST or PUT requests allowed")) {
        return;
      }
      StringBuilder said = new StringBuilder();
      synchronized (this) {
        for (Reloadable part : parts) {
          try {
            said.append(part.name()).append(": ").append(part.reload()).append('\n');
          } catch (Exception e) {
            LOG.warn("reload of {} failed: {}", part.name(), e.getMessage());
            status.failed();
            OpsAnswers.send(
                exchange,
                500,
                OpsAnswers.TEXT,
                said + "failed to reload config: " + part.name() + ": " + e.getMessage() + "\n");
            return;
          }
        }
      }
      if (parts.isEmpty()) {
        said.append("nothing to reload: no limits overrides file or tenant files\n");
      }
      status.succeeded();
      LOG.info("reloaded: {}", said.toString().strip().replace('\n', ';'));
      OpsAnswers.send(exchange, 200, OpsAnswers.TEXT, said.toString());
    }
  }
}
