package dev.herald.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A single-node KRaft broker (combined broker and controller) in a process of its own, in a
 * directory of its own: formatted once, then started and stopped as the tests need. The test
 * brokers differ only in their listeners, what the storage format adds and how a client connects.
 */
final class BrokerProcess {

  private final Path dir;
  private final String classpath;
  private final Map<String, Object> clientSettings;
  private Process process;

  /**
   * @param clientSettings how an admin client reaches the broker (bootstrap servers, security)
   */
  BrokerProcess(Path dir, Map<String, Object> clientSettings) {
    this.dir = dir.toAbsolutePath();
    this.clientSettings = Map.copyOf(clientSettings);
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

  /** Empties the directory (a previous run's data, keys and logs go). */
  static Path emptied(Path dir) {
    deleteRecursively(dir);
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code server.properties} of a combined node with the controller on {@code controllerPort}
   * (PLAINTEXT), then {@code listenerLines} (listeners, their protocols, the inter-broker listener
   * and whatever they need), then single-node replication factors.
   */
  String writeConfig(int controllerPort, List<String> listenerLines) {
    List<String> lines = new ArrayList<>();
    lines.add("process.roles=broker,controller");
    lines.add("node.id=1");
    lines.add("controller.listener.names=CONTROLLER");
    lines.add("controller.quorum.bootstrap.servers=localhost:" + controllerPort);
    lines.addAll(listenerLines);
    lines.addAll(
        List.of(
            "log.dirs=" + dir.resolve("data"),
            "num.partitions=3",
            "offsets.topic.replication.factor=1",
            "offsets.topic.num.partitions=5",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1",
            "group.initial.rebalance.delay.ms=0",
            ""));
    try {
      Files.writeString(config(), String.join("\n", lines));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return config().toString();
  }

  /** {@code kafka-storage format --standalone} with {@code extraArguments} (e.g. --add-scram). */
  void format(List<String> extraArguments) {
    List<String> command =
        new ArrayList<>(
            List.of(
                java(),
                "-cp",
                classpath,
                "kafka.tools.StorageTool",
                "format",
                "-t",
                "hEraLdTestC1usterUuid0",
                "-c",
                config().toString(),
                "--standalone"));
    command.addAll(extraArguments);
    run(command, "format.log", "formatting the broker");
  }

  /** Starts the broker process and waits until it answers. */
  synchronized void start() {
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
      await(
              "broker at "
                  + clientSettings.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)
                  + " answers (see "
                  + dir.resolve("broker.log")
                  + ")")
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
  synchronized void stop() {
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

  /** An admin client with {@link #clientSettings} and short timeouts. */
  Admin admin() {
    Map<String, Object> settings = new HashMap<>(clientSettings);
    settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
    settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
    return Admin.create(settings);
  }

  /** Runs a JDK or Kafka tool to its end, its output in {@code log} under the broker directory. */
  void run(List<String> command, String log, String what) {
    try {
      Process tool =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(log).toFile()))
              .start();
      if (!tool.waitFor(60, TimeUnit.SECONDS) || tool.exitValue() != 0) {
        throw new IllegalStateException(what + " failed; see " + dir.resolve(log));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Path dir() {
    return dir;
  }

  private Path config() {
    return dir.resolve("server.properties");
  }

  /** A tool of the JDK that runs the tests ({@code java}, {@code keytool}). */
  static String jdkTool(String name) {
    return Path.of(System.getProperty("java.home"), "bin", name).toString();
  }

  private static String java() {
    return jdkTool("java");
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
