package dev.herald.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * A second Liberty server, beside the Arquillian one, that a test may kill with SIGKILL and start
 * again: same runtime, project server.xml and development users, the test deployment in dropins,
 * its own ports, and environment variables of its own if the test gives any ({@code server.env}).
 */
public final class CrashServer implements AutoCloseable {

  public static final String NAME = "crashtest";

  /** The integration tests' development users and keystore (README "Security"). */
  static final List<String> DEV_OVERRIDES =
      List.of(
          "src/test/liberty/configDropins/overrides/dev-users.xml",
          "src/test/liberty/configDropins/overrides/dev-keystore.xml",
          "src/test/liberty/configDropins/overrides/outbox-databases.xml");

  /** The environment variable that sets the HTTP port; -1 switches HTTP off. */
  public static final String HTTP_PORT_ENV = "http_port";

  /** The environment variable of the connector's bootstrap servers. */
  public static final String BOOTSTRAP_SERVERS_ENV =
      "MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_BOOTSTRAP_SERVERS";

  private static final String QUICK_PROBE = "herald.probe.interval-ms=1000";

  private final Path wlp =
      Path.of(System.getProperty("herald.wlp", "target/liberty/wlp")).toAbsolutePath();
  private final String name;
  private final Path dir;
  private final int httpPort;

  /** A server against the test broker. */
  public CrashServer(int httpPort, List<String> systemProperties) {
    this(httpPort, systemProperties, Map.of());
  }

  /**
   * A server with these environment variables, as a container platform hands them over; against the
   * test broker unless they name other brokers ({@value #BOOTSTRAP_SERVERS_ENV}), as a system
   * property would win over them.
   */
  public CrashServer(int httpPort, List<String> systemProperties, Map<String, String> environment) {
    this(NAME, httpPort, systemProperties, environment);
  }

  /**
   * A server named {@code name} (one of several at once), with these JVM options ({@code -X...}, as
   * given) and system properties ({@code key=value}), against the test broker unless the
   * environment names other brokers.
   */
  public CrashServer(
      String name, int httpPort, List<String> systemProperties, Map<String, String> environment) {
    this.name = name;
    this.dir = wlp.resolve("usr/servers/" + name);
    this.httpPort = httpPort;
    try {
      deleteRecursively(dir);
      run("create");
      Files.copy(
          Path.of("server.xml"),
          dir.resolve("server.xml"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Path overrides = Files.createDirectories(dir.resolve("configDropins/overrides"));
      for (String file : DEV_OVERRIDES) {
        Path source = Path.of(file);
        Files.copy(
            source,
            overrides.resolve(source.getFileName()),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      // bootstrap.properties would win over the environment's http_port.
      Files.writeString(
          dir.resolve("bootstrap.properties"),
          (environment.containsKey(HTTP_PORT_ENV) ? "" : "http.port=" + httpPort + "\n")
              + "https.port="
              + httpsPort()
              + "\n");
      List<String> broker =
          environment.containsKey(BOOTSTRAP_SERVERS_ENV)
              ? List.of(QUICK_PROBE)
              : brokerProperties();
      Files.write(
          dir.resolve("jvm.options"),
          Stream.concat(broker.stream(), systemProperties.stream())
              .map(p -> p.startsWith("-X") ? p : "-D" + p)
              .toList());
      Path serverEnv = dir.resolve("server.env");
      List<String> variables = new ArrayList<>();
      if (Files.exists(serverEnv)) {
        variables.addAll(Files.readAllLines(serverEnv));
      }
      environment.forEach((variable, value) -> variables.add(variable + "=" + value));
      Files.write(serverEnv, variables);
      Files.createDirectories(dir.resolve("dropins"));
      Deployments.herald()
          .as(ZipExporter.class)
          .exportTo(dir.resolve("dropins/herald.war").toFile(), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The settings every crash-test server gets: the test broker and a quick broker probe. */
  private static List<String> brokerProperties() {
    return List.of(
        "mp.messaging.connector.smallrye-kafka.bootstrap.servers="
            + TestBroker.get().bootstrapServers(),
        QUICK_PROBE);
  }

  /** Waits until the server answers ready (over HTTP). */
  public void awaitReady() {
    awaitReady(new HeraldClient(httpPort));
  }

  /** Waits until the server answers {@code herald} ready. */
  public void awaitReady(HeraldClient herald) {
    org.awaitility.Awaitility.await(name + " server ready")
        .atMost(java.time.Duration.ofSeconds(180))
        .pollInterval(java.time.Duration.ofMillis(500))
        .ignoreExceptions()
        .until(() -> herald.get("health/ready").statusCode() == 200);
  }

  public int httpPort() {
    return httpPort;
  }

  /** The HTTPS port: the HTTP port's plus 363, as 9443 is 9080's. */
  public int httpsPort() {
    return httpPort + 363;
  }

  public Path dir() {
    return dir;
  }

  /** Starts the server and returns once Liberty says it started. */
  public void start() {
    run("start");
  }

  /** {@code server stop}: the graceful stop an operator does; returns once the server stopped. */
  public void stop() {
    run("stop");
  }

  /** SIGKILL: no shutdown hook, no commit, no flush. */
  public void kill() throws Exception {
    long pid =
        Long.parseLong(Files.readString(wlp.resolve("usr/servers/.pid/" + name + ".pid")).trim());
    ProcessHandle process =
        ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
    process.destroyForcibly();
    process.onExit().get(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    run("stop");
  }

  private void run(String action) {
    try {
      Process process =
          new ProcessBuilder(wlp.resolve("bin/server").toString(), action, name)
              .redirectErrorStream(true)
              .redirectOutput(
                  ProcessBuilder.Redirect.appendTo(
                      wlp.resolve("usr/servers/" + name + "-commands.log").toFile()))
              .start();
      if (!process.waitFor(180, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("server " + action + " " + name + " took too long");
      }
      if (process.exitValue() != 0 && !"stop".equals(action)) {
        throw new IllegalStateException(
            "server "
                + action
                + " "
                + name
                + " exited with "
                + process.exitValue()
                + "; see "
                + wlp.resolve("usr/servers/" + name + "-commands.log"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }
}
