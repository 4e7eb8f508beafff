package dev.herald.benchmark.server;

import java.util.List;

/**
 * A figure measured several times in one go: each run's events and time, and the events that failed
 * over all of them (not acknowledged, not readable, or not reached in time).
 */
public record Measured(List<Timing> runs, long failed) {}
