/**
 * The Reactive Messaging channels: one thin {@code @Incoming} bean per group of event types, each
 * method handing its batch of records to the {@link dev.herald.api.ChannelRouter} (the {@code
 * EventManager}) in one line. Channel methods take {@code Message<List<byte[]>>}, the type the
 * connector delivers in batch mode (each record's Kafka details are in the batch's {@code
 * IncomingKafkaRecordBatchMetadata}): with another declared type, such as {@code
 * KafkaRecordBatch<String, byte[]>}, SmallRye looks for a payload converter for every batch.
 */
package dev.herald.channels;
