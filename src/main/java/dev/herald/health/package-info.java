/**
 * Health beyond SmallRye's channel checks: a background probe proves the broker is usable (cluster
 * reachable, every channel and dead-letter topic led), and readiness reports its cached verdict.
 */
package dev.herald.health;
