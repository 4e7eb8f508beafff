package dev.herald.benchmark.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/** The server process's memory: resident set from {@code /proc/self/status}, heap from the JVM. */
final class ProcessMemory {

  private ProcessMemory() {}

  static Sample sample() throws IOException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    String status = Files.readString(Path.of("/proc/self/status"));
    return new Sample(
        ProcessHandle.current().pid(),
        kilobytes(status, "VmRSS:") * 1024,
        kilobytes(status, "VmHWM:") * 1024,
        memory.getHeapMemoryUsage().getUsed(),
        memory.getHeapMemoryUsage().getCommitted(),
        memory.getHeapMemoryUsage().getMax(),
        memory.getNonHeapMemoryUsage().getUsed());
  }

  private static long kilobytes(String status, String field) {
    return status
        .lines()
        .filter(line -> line.startsWith(field))
        .map(line -> line.substring(field.length()).trim().split("\\s+")[0])
        .mapToLong(Long::parseLong)
        .findFirst()
        .orElse(-1);
  }

  /**
   * @param peakRssBytes the highest resident set since the process started (VmHWM)
   */
  public record Sample(
      long pid,
      long rssBytes,
      long peakRssBytes,
      long heapUsedBytes,
      long heapCommittedBytes,
      long heapMaxBytes,
      long nonHeapUsedBytes) {}
}
