/**
 * Reliability: retry policies per channel (in-place retries with exponential backoff and jitter),
 * the idempotency store that keeps a handler from applying an event twice, and the headers that
 * make a dead-letter record actionable.
 */
package dev.herald.reliability;
