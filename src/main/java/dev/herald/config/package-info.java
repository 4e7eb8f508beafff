/**
 * Configuration, typed: every {@code herald.*} key with its default and meaning, one class per
 * area; the map of event types to channels, topics and dead-letter topics read from {@code
 * mp.messaging.incoming.<channel>.*}; and the Kafka client settings Herald's own clients share with
 * SmallRye's, with the helpers of Herald's background consumers and compacted topics.
 */
package dev.herald.config;
