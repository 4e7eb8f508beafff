package dev.herald.config;

/**
 * One event type's incoming channel and its Kafka topics.
 *
 * @param type the CloudEvents type, a dotted past-tense fact such as {@code chat.message.received}
 * @param channel the Reactive Messaging channel name, kebab-case
 * @param topic the topic the channel reads and the publisher writes
 * @param deadLetterTopic where records that cannot be handled go, with the reason
 * @param groupId the consumer group of the channel
 * @param keyAttribute the attribute whose value is the record key, so that events with the same
 *     value stay in order ({@code tenantid} unless {@code herald.partition-key.<type>} says
 *     otherwise)
 */
public record EventChannel(
    String type,
    String channel,
    String topic,
    String deadLetterTopic,
    String groupId,
    String keyAttribute) {}
