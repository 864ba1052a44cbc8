package io.alertstream.connectors.metrics;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /metrics}: the worker's delivery metrics ({@link WorkerMetrics#shared()}) in
 * Prometheus' text format. Registered as a class, Jersey makes it.
 */
@Path("/metrics")
public final class MetricsResource {

  /** Always the text format, whatever the scraper accepts (any Prometheus takes it). */
  @GET
  public Response metrics() {
    // As text, so that Jersey writes the type as given (a MediaType's parameters lose their order).
    return Response.ok(WorkerMetrics.shared().scrape())
        .header("Content-Type", WorkerMetrics.CONTENT_TYPE)
        .build();
  }
}
