package dev.herald.config;

import java.util.Optional;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

/**
 * Says why the broker refused one of Herald's Kafka clients, and which client settings to check.
 * The text comes from Kafka's exception and the setting names, never from the settings' values, so
 * it may be shown on health checks and logged.
 */
public final class KafkaRefusals {

  private KafkaRefusals() {}

  /** The reason, if {@code failure} or one of its causes is a refused login or permission. */
  public static Optional<String> describe(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SaslAuthenticationException) {
        return Optional.of(
            "authentication failed: "
                + cause.getMessage()
                + " (check the user name and password in sasl.jaas.config, and sasl.mechanism)");
      }
      if (cause instanceof SslAuthenticationException) {
        return Optional.of(
            "TLS handshake with the broker failed: "
                + deepestMessage(cause)
                + " (check ssl.truststore.* holds the broker's CA, the broker's host name, and"
                + " ssl.keystore.* if the broker requires client certificates)");
      }
      if (cause instanceof AuthenticationException) {
        return Optional.of(
            "authentication failed: "
                + deepestMessage(cause)
                + " (check security.protocol, sasl.* and ssl.*)");
      }
      if (cause instanceof AuthorizationException) {
        return Optional.of(
            "not authorized: "
                + cause.getMessage()
                + " (the broker's ACLs must allow Herald's user its topics and consumer groups)");
      }
    }
    return Optional.empty();
  }

  private static String deepestMessage(Throwable failure) {
    String message = failure.getMessage();
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null) {
        message = cause.getMessage();
      }
    }
    return message == null ? failure.getClass().getSimpleName() : message;
  }
}
