package io.alertstream.topology.query;

import java.net.URI;
import java.util.Optional;

/** Which instance holds a tenant's state. */
public interface TenantLocator {

  /** Every tenant is held here: one instance. */
  TenantLocator LOCAL = tenant -> Optional.empty();

  /** The API base URL of the instance that holds the tenant, if that is not this one. */
  Optional<URI> remoteOwner(String tenant);
}
