/**
 * The benchmark's part inside the server, deployed beside the real WAR: a no-op handler that counts
 * events, times runs and records publish-to-handler latency, switched between blocking and
 * non-blocking at run time; the plain Kafka clients and the bare SmallRye channel Herald is
 * compared with; a recorder of garbage collections per phase; and the {@code /api/bench} resource
 * the benchmark drives them through.
 */
package dev.herald.benchmark.server;
