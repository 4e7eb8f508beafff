package dev.herald.benchmark.server;

/**
 * How long a number of events took, measured in the server.
 *
 * @param failed events that were not acknowledged or could not be read
 */
public record Timing(long events, long nanos, long failed) {}
