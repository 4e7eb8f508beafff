/**
 * The live stream: events as Server-Sent Events, one Kafka consumer per open stream (assigned, no
 * group, nothing committed), each event's id the position of every partition the stream reads, so
 * that a client resumes exactly after the last event it got. Filters by type and tenant,
 * heartbeats, and the bound that drops a client that does not take what it is sent. No JAX-RS here:
 * the REST edge hands in a {@link dev.herald.stream.StreamSink}.
 */
package dev.herald.stream;
