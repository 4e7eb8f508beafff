/**
 * Herald's benchmark: publish, consume and end-to-end latency against plain Kafka clients, with the
 * real WAR on Liberty and a real broker. {@code mvn -Pbenchmark verify} runs {@link
 * dev.herald.benchmark.HeraldBenchmark} and writes {@code target/benchmark/results.{json,md}}.
 */
package dev.herald.benchmark;
