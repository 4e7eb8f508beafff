package dev.herald.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real single-node KRaft broker in its own process, started once for all integration tests. The
 * tests may stop and start it again to show how Herald behaves while it is away.
 */
public final class TestBroker {

  private static TestBroker instance;

  private final int port = Integer.getInteger("herald.broker.port", 19092);
  private final int controllerPort = Integer.getInteger("herald.broker.controller.port", 19093);
  private final BrokerProcess process =
      new BrokerProcess(
          Path.of(System.getProperty("herald.broker.dir", "target/it-broker")),
          Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));

  private TestBroker() {}

  /** The broker, started on first use and stopped when the test JVM exits. */
  public static synchronized TestBroker get() {
    if (instance == null) {
      TestBroker broker = new TestBroker();
      broker.format();
      broker.start();
      Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "test-broker-stop"));
      instance = broker;
    }
    return instance;
  }

  public String bootstrapServers() {
    return "localhost:" + port;
  }

  /** Starts the broker process and waits until it answers. */
  public void start() {
    process.start();
  }

  /** Stops the broker the way an operator would (SIGTERM), killing it if it does not stop. */
  public void stop() {
    process.stop();
  }

  public Admin admin() {
    return process.admin();
  }

  private void format() {
    BrokerProcess.emptied(process.dir());
    process.writeConfig(
        controllerPort,
        List.of(
            "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
            "advertised.listeners=PLAINTEXT://localhost:" + port,
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "inter.broker.listener.name=PLAINTEXT"));
    process.format(List.of());
  }
}
