/**
 * Health beyond SmallRye's channel checks: readiness reports the Kafka probe's cached verdict
 * (cluster reachable, every channel and dead-letter topic led) and the retry consumer's state;
 * startup waits for the first broker check. The checks only read state, they never call Kafka.
 */
package dev.herald.health;
