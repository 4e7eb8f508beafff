package dev.herald.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The machine the benchmark ran on, as Linux describes it. */
final class Machine {

  private Machine() {}

  static Map<String, Object> describe() {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("cpu", field("/proc/cpuinfo", "model name"));
    machine.put("memory", field("/proc/meminfo", "MemTotal"));
    machine.put(
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    machine.put("clientJdk", System.getProperty("java.runtime.version"));
    return machine;
  }

  /** The 1, 5 and 15 minute load averages. */
  static String loadAverage() {
    String[] fields = read("/proc/loadavg").trim().split("\\s+");
    return fields[0] + " " + fields[1] + " " + fields[2];
  }

  private static String field(String file, String name) {
    return read(file)
        .lines()
        .filter(line -> line.startsWith(name))
        .map(line -> line.substring(line.indexOf(':') + 1).trim())
        .findFirst()
        .orElse("unknown");
  }

  static String read(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
