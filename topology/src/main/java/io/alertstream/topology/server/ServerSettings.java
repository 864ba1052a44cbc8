package io.alertstream.topology.server;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * What the topology and API need to run.
 *
 * @param registryUrl the Confluent-compatible schema registry API
 * @param externalUrl how users reach this Alertstream, put in notifications
 * @param replicationFactor of Streams' internal topics
 */
public record ServerSettings(
    String bootstrapServers,
    String registryUrl,
    Path stateDir,
    InetSocketAddress apiAddress,
    String externalUrl,
    int replicationFactor) {}
