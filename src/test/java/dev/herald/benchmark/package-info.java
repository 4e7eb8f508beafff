/**
 * Herald's benchmark: publish, consume, an invalid flood and end-to-end latency against plain Kafka
 * clients and a bare SmallRye channel doing the same work, each figure measured several times, with
 * the server's garbage collection per phase; the real WAR on Liberty and a real broker. {@code mvn
 * -Pbenchmark verify} runs {@link dev.herald.benchmark.HeraldBenchmark} and writes {@code
 * target/benchmark/results.{json,md}} (and the server's {@code gc.log}).
 */
package dev.herald.benchmark;
