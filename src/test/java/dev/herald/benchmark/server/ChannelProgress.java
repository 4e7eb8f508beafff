package dev.herald.benchmark.server;

import java.util.List;

/**
 * What a resumed channel did since: the runs it completed so far and its counts.
 *
 * @param handled events the handler (or the bare channel's method) took
 * @param deadLettered records the channel sent to its dead-letter topic instead
 * @param failed records the bare channel's method refused (nacked)
 * @param lastAt when the latest event was taken, {@link System#nanoTime()} of the server
 * @param runs the windows completed so far
 */
public record ChannelProgress(
    long handled, long deadLettered, long failed, long lastAt, List<Timing> runs) {}
