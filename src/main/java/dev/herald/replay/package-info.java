/**
 * Replay: reads a range of a type's topic again (by record time or by offsets) with a consumer of
 * its own that never commits, and hands each event to the chosen handlers through routing, on
 * Liberty's managed executor. {@link dev.herald.replay.Replays} starts, lists and cancels replays;
 * {@link dev.herald.replay.ReplayCounts} holds what metrics may read.
 */
package dev.herald.replay;
