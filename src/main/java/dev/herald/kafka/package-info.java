/**
 * Kafka infrastructure: the publisher (one Kafka producer, CloudEvents binary mode), the background
 * broker probe with topic creation and consumer lag, on one long-lived admin client.
 */
package dev.herald.kafka;
