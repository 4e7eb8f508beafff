/**
 * Routing: the {@link dev.herald.routing.EventManager} reads each record of a channel into an
 * event, calls every accepting {@link dev.herald.api.EventHandler} with its retry policy, records a
 * result each and acks, nacks or hands the record off for a later attempt. What it reports goes to
 * an {@link dev.herald.routing.EventMonitor}; later attempts to a {@link
 * dev.herald.routing.RetryHandoff}: both implemented outside, so routing depends on neither.
 */
package dev.herald.routing;
