/**
 * The Reactive Messaging channels: one thin {@code @Incoming} bean per event type, and the map of
 * event types to channels, topics and dead-letter topics read from MicroProfile Config. Channel
 * methods take {@code Message<byte[]>}, the type the connector delivers (Kafka details are in its
 * {@code IncomingKafkaRecordMetadata}): with another declared type, such as {@code
 * KafkaRecord<String, byte[]>}, SmallRye looks for a payload converter for every record.
 */
package dev.herald.channels;
