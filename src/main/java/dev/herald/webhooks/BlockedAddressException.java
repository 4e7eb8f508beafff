package dev.herald.webhooks;

import java.net.UnknownHostException;

/**
 * A host resolved to an address webhooks may not call. An {@link UnknownHostException} because it
 * is thrown where a resolver is, inside the HTTP client's connection, which declares only that.
 */
public class BlockedAddressException extends UnknownHostException {

  public BlockedAddressException(String message) {
    super(message);
  }
}
