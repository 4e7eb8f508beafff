/**
 * Herald's own application metrics on {@code /metrics}: events published, consumed and
 * dead-lettered, handler outcomes and times, consumer lag. Tags are bounded: type, channel,
 * handler, outcome.
 */
package dev.herald.metrics;
