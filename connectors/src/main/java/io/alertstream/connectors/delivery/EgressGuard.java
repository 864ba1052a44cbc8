package io.alertstream.connectors.delivery;

import io.alertstream.config.tenant.ReceiverFirewall;
import io.alertstream.config.tenant.TenantLimits;
import io.alertstream.config.tenant.TenantLimitsSource;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The egress rules: the operator's (refuse destinations that resolve to loopback, private,
 * link-local, carrier-grade NAT or unique-local addresses, so a tenant cannot make the connectors
 * call into the operator's network) and each tenant's receiver firewall from the limits overrides
 * (Mimir's {@code alertmanager_receivers_firewall_*}). The check resolves the name just before the
 * request is sent.
 */
public final class EgressGuard {

  public static final EgressGuard OPEN = new EgressGuard(false);

  private final boolean blockPrivate;
  private final TenantLimitsSource tenants;

  public EgressGuard(boolean blockPrivate) {
    this(blockPrivate, TenantLimitsSource.fixed(TenantLimits.NONE));
  }

  /**
   * @param tenants each tenant's limits, whose receiver firewall applies to its integrations
   */
  public EgressGuard(boolean blockPrivate, TenantLimitsSource tenants) {
    this.blockPrivate = blockPrivate;
    this.tenants = tenants;
  }

  /** Why the host may not be called by the operator's rule, if it may not. */
  public Optional<String> refuse(String host) {
    if (!blockPrivate) {
      return Optional.empty();
    }
    return resolve(host).flatMap(EgressGuard::operatorRefusal);
  }

  /** Why the tenant's integration may not call the host, if it may not. */
  public Optional<String> refuse(String tenant, String host) {
    ReceiverFirewall firewall = tenants.forTenant(tenant).firewall();
    if (!blockPrivate && firewall.isOpen()) {
      return Optional.empty();
    }
    Optional<InetAddress[]> resolved = resolve(host);
    if (resolved.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> operator = blockPrivate ? operatorRefusal(resolved.get()) : Optional.empty();
    return operator.isPresent() ? operator : firewall.refusal(resolved.get());
  }

  private static Optional<String> operatorRefusal(InetAddress[] resolved) {
    for (InetAddress address : resolved) {
      if (ReceiverFirewall.isPrivate(address)) {
        return Optional.of(
            "destination resolves to a private address, which egress.block.private.addresses"
                + " refuses");
      }
    }
    return Optional.empty();
  }

  /** The addresses a name resolves to; empty when it does not resolve (the send then fails). */
  private static Optional<InetAddress[]> resolve(String host) {
    try {
      return Optional.of(InetAddress.getAllByName(host));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
