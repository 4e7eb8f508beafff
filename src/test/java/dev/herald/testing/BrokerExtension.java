package dev.herald.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes sure the test broker, the tests' PostgreSQL server (an outbox's database) and their OTLP
 * receiver (where the server exports its spans) run before Arquillian starts Liberty and deploys
 * Herald.
 */
public class BrokerExtension implements BeforeAllCallback {

  @Override
  public void beforeAll(ExtensionContext context) {
    TestBroker.get();
    TestPostgres.get();
    TestCollector.get();
  }
}
