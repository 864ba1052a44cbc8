package io.alertstream.config.tenant;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Mimir's receiver firewall for one tenant: the addresses its integrations may not call ({@code
 * alertmanager_receivers_firewall_block_private_addresses}, {@code
 * alertmanager_receivers_firewall_block_cidr_networks}), checked against the addresses a
 * destination resolves to just before it is called.
 */
public record ReceiverFirewall(boolean blockPrivateAddresses, List<CidrBlock> blockedNetworks) {

  public static final ReceiverFirewall OPEN = new ReceiverFirewall(false, List.of());

  public ReceiverFirewall {
    blockedNetworks = List.copyOf(blockedNetworks);
  }

  public boolean isOpen() {
    return !blockPrivateAddresses && blockedNetworks.isEmpty();
  }

  /** Why a destination resolving to these addresses may not be called, if it may not. */
  public Optional<String> refusal(InetAddress[] resolved) {
    for (InetAddress a : resolved) {
      if (blockPrivateAddresses && isPrivate(a)) {
        return Optional.of(
            "destination resolves to a private address, which the tenant's receiver firewall"
                + " refuses (alertmanager_receivers_firewall_block_private_addresses)");
      }
      for (CidrBlock network : blockedNetworks) {
        if (network.contains(a)) {
          return Optional.of(
              "destination resolves to an address in "
                  + network
                  + ", which the tenant's receiver firewall refuses"
                  + " (alertmanager_receivers_firewall_block_cidr_networks)");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Loopback, private, link-local, unspecified, multicast, carrier-grade NAT and unique-local
   * addresses.
   */
  public static boolean isPrivate(InetAddress a) {
    if (a.isLoopbackAddress()
        || a.isSiteLocalAddress()
        || a.isLinkLocalAddress()
        || a.isAnyLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0 || (first == 100 && second >= 64 && second < 128);
    }
    if (a instanceof Inet6Address) {
      return (b[0] & 0xfe) == 0xfc;
    }
    return false;
  }
}
