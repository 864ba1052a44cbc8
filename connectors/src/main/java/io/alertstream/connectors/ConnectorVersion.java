package io.alertstream.connectors;

/** The version the connectors report to Connect. */
public final class ConnectorVersion {

  public static final String VERSION =
      ConnectorVersion.class.getPackage().getImplementationVersion() != null
          ? ConnectorVersion.class.getPackage().getImplementationVersion()
          : "dev";

  private ConnectorVersion() {}
}
