package io.alertstream.connectors.delivery;

import java.net.URI;
import java.util.Map;

/** Sends one request to an integration's endpoint. */
public interface HttpSender {

  DeliveryOutcome post(URI url, Map<String, String> headers, byte[] body);
}
