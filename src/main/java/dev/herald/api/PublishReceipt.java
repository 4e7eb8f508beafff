package dev.herald.api;

/** Where the broker stored a published event. */
public record PublishReceipt(String id, String type, String topic, int partition, long offset) {}
