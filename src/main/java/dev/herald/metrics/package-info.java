/**
 * Herald's own application metrics on {@code /metrics}: events published, consumed and
 * dead-lettered, publish and handler outcomes and times, consumer lag per channel and partition,
 * readiness per check. Tags are bounded: type, channel, partition, handler, outcome, check.
 */
package dev.herald.metrics;
