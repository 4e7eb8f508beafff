package dev.herald.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
  private final Path dir = Path.of(System.getProperty("herald.broker.dir", "target/it-broker"));
  private final String classpath;
  private Process process;

  private TestBroker() {
    try {
      classpath =
          Files.readString(Path.of(System.getProperty("herald.broker.classpath.file"))).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "The broker classpath is written by the build (dependency:build-classpath); run the"
              + " integration tests through Maven",
          e);
    }
  }

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
  public synchronized void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    try {
      process =
          new ProcessBuilder(
                  java(), "-Xmx512m", "-cp", classpath, "kafka.Kafka", config().toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Admin admin = admin()) {
      await("broker at " + bootstrapServers() + " answers (see " + dir.resolve("broker.log") + ")")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(250))
          .ignoreExceptions()
          .until(
              () -> {
                if (!process.isAlive()) {
                  throw new IllegalStateException("broker exited with " + process.exitValue());
                }
                return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
              });
    }
  }

  /** Stops the broker the way an operator would (SIGTERM), killing it if it does not stop. */
  public synchronized void stop() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public Admin admin() {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
  }

  private void format() {
    deleteRecursively(dir);
    try {
      Files.createDirectories(dir);
      List<String> command = new ArrayList<>(List.of(java(), "-cp", classpath));
      command.addAll(
          List.of(
              "kafka.tools.StorageTool",
              "format",
              "-t",
              "hEraLdTestC1usterUuid0",
              "-c",
              config().toString(),
              "--standalone"));
      Process format =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("format.log").toFile()))
              .start();
      if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
        throw new IllegalStateException("formatting the broker failed; see " + dir + "/format.log");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Path config() {
    Path file = dir.resolve("server.properties");
    if (Files.exists(file)) {
      return file;
    }
    String properties =
        String.join(
            "\n",
            "process.roles=broker,controller",
            "node.id=1",
            "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
            "advertised.listeners=PLAINTEXT://localhost:" + port,
            "controller.listener.names=CONTROLLER",
            "controller.quorum.bootstrap.servers=localhost:" + controllerPort,
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "inter.broker.listener.name=PLAINTEXT",
            "log.dirs=" + dir.toAbsolutePath().resolve("data"),
            "num.partitions=3",
            "offsets.topic.replication.factor=1",
            "offsets.topic.num.partitions=5",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1",
            "group.initial.rebalance.delay.ms=0",
            "");
    try {
      Files.writeString(file, properties);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static void deleteRecursively(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
