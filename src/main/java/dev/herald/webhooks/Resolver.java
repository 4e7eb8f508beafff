package dev.herald.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turns a host name into its addresses; the system's DNS, or a fixed table in tests. */
@FunctionalInterface
public interface Resolver {

  InetAddress[] resolve(String host) throws UnknownHostException;

  static Resolver system() {
    return InetAddress::getAllByName;
  }
}
