package dev.herald.benchmark;

import java.util.stream.Stream;

/**
 * CPU time over the run: of the whole machine ({@code /proc/stat}) and of the benchmark's own
 * processes (this JVM and its descendants, such as the broker, and the server). What is left was
 * used by other work on the machine, which makes the figures noisier.
 */
final class CpuAccount {

  /** Linux's USER_HZ, the unit of {@code /proc} CPU times. */
  private static final double TICKS = 100.0;

  private final long serverPid;
  private final long startNanos = System.nanoTime();
  private final long machineBusyStart = machineBusy();
  private final long ownStart;

  /** Starts counting; the server process counts as the benchmark's own. */
  CpuAccount(long serverPid) {
    this.serverPid = serverPid;
    this.ownStart = own();
  }

  /**
   * @param busySeconds CPU seconds the machine spent, all processes
   * @param benchmarkSeconds CPU seconds of the benchmark's processes
   * @param otherShare the share of the machine's capacity other work used, 0 to 1
   */
  record Usage(
      double wallSeconds, double busySeconds, double benchmarkSeconds, double otherShare) {}

  Usage stop() {
    double wall = (System.nanoTime() - startNanos) / 1e9;
    double busy = (machineBusy() - machineBusyStart) / TICKS;
    double benchmark = (own() - ownStart) / TICKS;
    double capacity = wall * Runtime.getRuntime().availableProcessors();
    return new Usage(wall, busy, benchmark, Math.max(0, (busy - benchmark) / capacity));
  }

  /** user + nice + system + irq + softirq + steal ticks of all CPUs. */
  private static long machineBusy() {
    String[] cpu = Machine.read("/proc/stat").lines().findFirst().orElseThrow().split("\\s+");
    long busy = 0;
    for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
      busy += Long.parseLong(cpu[i]);
    }
    return busy;
  }

  private long own() {
    ProcessHandle self = ProcessHandle.current();
    return Stream.concat(Stream.of(self), self.descendants())
            .map(ProcessHandle::pid)
            .filter(pid -> pid != serverPid)
            .mapToLong(CpuAccount::ticks)
            .sum()
        + ticks(serverPid);
  }

  /** utime + stime of a process; 0 when it is gone. */
  private static long ticks(long pid) {
    try {
      String stat = Machine.read("/proc/" + pid + "/stat");
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (RuntimeException e) {
      return 0;
    }
  }
}
