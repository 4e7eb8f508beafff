package dev.herald.benchmark.server;

/**
 * How long a number of events took, measured in the server.
 *
 * @param failed events that were not acknowledged or could not be read
 */
public record Timing(long events, long nanos, long failed) {

  /**
   * This timing with the failures of the warm-up that came before it: a record the warm-up did not
   * store is missing from the backlog the consume scenario reads, so it must show somewhere.
   */
  Timing afterWarmup(Timing warmup) {
    return new Timing(events, nanos, failed + warmup.failed());
  }
}
