/**
 * Dead-letter operations: browse a channel's dead letters, send them back to their topic (one, or
 * many as a paced background task, each marked in a compacted topic so none is sent twice) and
 * purge old ones. The REST edge calls it; it reads and writes Kafka through {@code
 * config.KafkaClients}.
 */
package dev.herald.deadletters;
