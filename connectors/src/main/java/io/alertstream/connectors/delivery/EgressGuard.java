package io.alertstream.connectors.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The optional egress rule: refuses destinations that resolve to loopback, private, link-local,
 * carrier-grade NAT or unique-local addresses, so a tenant cannot make the connectors call into the
 * operator's network. The check resolves the name just before the request is sent.
 */
public final class EgressGuard {

  public static final EgressGuard OPEN = new EgressGuard(false);

  private final boolean blockPrivate;

  public EgressGuard(boolean blockPrivate) {
    this.blockPrivate = blockPrivate;
  }

  /** Why the host may not be called, if it may not. */
  public Optional<String> refuse(String host) {
    if (!blockPrivate) {
      return Optional.empty();
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (isPrivate(address)) {
          return Optional.of(
              "destination resolves to a private address, which egress.block.private.addresses"
                  + " refuses");
        }
      }
      return Optional.empty();
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  static boolean isPrivate(InetAddress a) {
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
