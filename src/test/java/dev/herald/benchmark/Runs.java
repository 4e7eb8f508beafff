package dev.herald.benchmark;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * One figure measured several times in the same benchmark run: each run's throughput, and the
 * events that failed over all of them. It is read as the median run, with the lowest and highest.
 *
 * @param failed events that were sent or read but not acknowledged, not readable, or not reached in
 *     time
 */
record Runs(List<Throughput> runs, long failed) {

  /** Runs measured one by one; their failures add up. */
  static Runs of(List<Throughput> runs) {
    return new Runs(List.copyOf(runs), runs.stream().mapToLong(Throughput::failed).sum());
  }

  /** The server's {@code runs} (each a {@code Timing}) and {@code failed}. */
  static Runs of(JsonObject measured) {
    return new Runs(timings(measured.getJsonArray("runs")), number(measured, "failed"));
  }

  /** The server's {@code runs} with the failures a caller counted. */
  static Runs of(JsonArray runs, long failed) {
    return new Runs(timings(runs), failed);
  }

  private static List<Throughput> timings(JsonArray runs) {
    List<Throughput> timings = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      timings.add(Throughput.of(runs.getJsonObject(i)));
    }
    return List.copyOf(timings);
  }

  /** The median run's events per second; 0 without runs. */
  double median() {
    List<Double> rates = sorted();
    if (rates.isEmpty()) {
      return 0;
    }
    int middle = rates.size() / 2;
    return rates.size() % 2 == 1
        ? rates.get(middle)
        : (rates.get(middle - 1) + rates.get(middle)) / 2;
  }

  double min() {
    return sorted().stream().findFirst().orElse(0.0);
  }

  double max() {
    List<Double> rates = sorted();
    return rates.isEmpty() ? 0 : rates.get(rates.size() - 1);
  }

  /** The events of every run. */
  long events() {
    return runs.stream().mapToLong(Throughput::events).sum();
  }

  /** This figure's median over another's. */
  double ratioTo(Runs baseline) {
    return baseline.median() > 0 ? median() / baseline.median() : 0;
  }

  private List<Double> sorted() {
    return runs.stream().map(Throughput::perSecond).sorted().toList();
  }

  private static long number(JsonObject json, String name) {
    return json.getJsonNumber(name).longValue();
  }
}
