/**
 * The Reactive Messaging channels: one thin {@code @Incoming} bean per group of event types, each
 * method handing its record to the {@link dev.herald.api.ChannelRouter} (the {@code EventManager})
 * in one line. Channel methods take {@code Message<byte[]>}, the type the connector delivers (Kafka
 * details are in its {@code IncomingKafkaRecordMetadata}): with another declared type, such as
 * {@code KafkaRecord<String, byte[]>}, SmallRye looks for a payload converter for every record.
 */
package dev.herald.channels;
