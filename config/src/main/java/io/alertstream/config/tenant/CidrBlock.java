package io.alertstream.config.tenant;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A network in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}), for the receiver firewall.
 *
 * @param text as written
 */
public record CidrBlock(String text, byte[] network, int prefix) {

  /**
   * @throws IllegalArgumentException if {@code text} is not an IP address, a slash and a prefix
   *     length that fits it
   */
  public static CidrBlock parse(String text) {
    String trimmed = text.strip();
    int slash = trimmed.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("\"" + text + "\" is not a network such as 10.0.0.0/8");
    }
    String address = trimmed.substring(0, slash);
    boolean v4 = address.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean v6 = address.contains(":") && address.matches("[0-9a-fA-F:.]+");
    if (!v4 && !v6) {
      throw new IllegalArgumentException("\"" + text + "\" is not a network such as 10.0.0.0/8");
    }
    byte[] bytes;
    int prefix;
    try {
      bytes = InetAddress.getByName(address).getAddress(); // a literal: no lookup
      prefix = Integer.parseInt(trimmed.substring(slash + 1));
    } catch (UnknownHostException | NumberFormatException e) {
      throw new IllegalArgumentException("\"" + text + "\" is not a network such as 10.0.0.0/8");
    }
    if (prefix < 0 || prefix > bytes.length * 8) {
      throw new IllegalArgumentException(
          "\"" + text + "\": a prefix of " + prefix + " bits does not fit the address");
    }
    return new CidrBlock(trimmed, bytes, prefix);
  }

  /** Whether the address is in this network (an IPv4 address is never in an IPv6 one). */
  public boolean contains(InetAddress address) {
    byte[] a = address.getAddress();
    if (a.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (a[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (a[full] & mask) == (network[full] & mask);
  }

  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CidrBlock other && other.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
