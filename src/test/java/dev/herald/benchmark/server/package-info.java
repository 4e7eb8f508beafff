/**
 * The benchmark's part inside the server, deployed beside the real WAR: a no-op handler that counts
 * events and records publish-to-handler latency, the plain Kafka clients Herald is compared with,
 * and the {@code /api/bench} resource the benchmark drives them through.
 */
package dev.herald.benchmark.server;
