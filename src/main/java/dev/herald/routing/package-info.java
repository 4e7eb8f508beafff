/**
 * Routing: the {@link dev.herald.routing.EventManager} reads each record of a channel into an
 * event, calls every accepting {@link dev.herald.api.EventHandler} with its retry policy, records a
 * result each and settles the record: handled, written to the channel's dead-letter topic (through
 * a {@link dev.herald.routing.DeadLetterWriter}), or handed off for a later attempt; {@link
 * dev.herald.routing.Offsets} says what may be committed. What it reports goes to an {@link
 * dev.herald.routing.EventMonitor}, later attempts to a {@link dev.herald.routing.RetryHandoff}:
 * all three interfaces implemented outside, so routing depends on no producer and no metrics.
 */
package dev.herald.routing;
