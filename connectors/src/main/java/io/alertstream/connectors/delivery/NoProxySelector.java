package io.alertstream.connectors.delivery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * An http_config's proxy with its {@code no_proxy} exceptions, matched as Go's proxy rules match
 * them: {@code *} is every host; a domain is itself and its subdomains ({@code .example.com} only
 * the subdomains); an IP or CIDR matches IP hosts; {@code host:port} only that port.
 */
final class NoProxySelector extends ProxySelector {

  private final Proxy proxy;
  private final List<String> noProxy;

  NoProxySelector(InetSocketAddress proxy, List<String> noProxy) {
    this.proxy = new Proxy(Proxy.Type.HTTP, proxy);
    this.noProxy = List.copyOf(noProxy);
  }

  @Override
  public List<Proxy> select(URI uri) {
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    for (String entry : noProxy) {
      if (matches(entry, host, port)) {
        return List.of(Proxy.NO_PROXY);
      }
    }
    return List.of(proxy);
  }

  static boolean matches(String entry, String host, int port) {
    if (entry.equals("*")) {
      return true;
    }
    if (entry.contains("/")) {
      return inCidr(entry, host);
    }
    String name = entry;
    int colon = entry.lastIndexOf(':');
    if (colon > 0 && entry.indexOf(':') == colon) {
      if (!entry.substring(colon + 1).equals(Integer.toString(port))) {
        return false;
      }
      name = entry.substring(0, colon);
    }
    if (name.startsWith(".")) {
      return host.endsWith(name);
    }
    return host.equals(name) || host.endsWith("." + name);
  }

  private static boolean inCidr(String cidr, String host) {
    if (!host.matches("[0-9.]+|\\[?[0-9a-f:]+]?")) {
      return false;
    }
    try {
      String[] parts = cidr.split("/", 2);
      byte[] network = InetAddress.getByName(parts[0]).getAddress();
      byte[] address = InetAddress.getByName(host.replace("[", "").replace("]", "")).getAddress();
      int bits = Integer.parseInt(parts[1]);
      if (network.length != address.length) {
        return false;
      }
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >> (i % 8);
        if ((network[i / 8] & mask) != (address[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
      return false;
    }
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException e) {}
}
