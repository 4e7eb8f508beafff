package dev.herald.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's resolver: it connects to the addresses this returns, and this returns only
 * addresses the guard allowed, all of them checked in the same lookup. A host that resolves to a
 * public address at registration and to a private one later (DNS rebinding) is refused here.
 */
final class GuardedDnsResolver implements DnsResolver {

  private final AddressGuard guard;

  GuardedDnsResolver(AddressGuard guard) {
    this.guard = guard;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    return guard.resolve(host);
  }

  /** Used by Kerberos authentication only, which webhooks never do: no lookup. */
  @Override
  public String resolveCanonicalHostname(String host) {
    return host;
  }
}
