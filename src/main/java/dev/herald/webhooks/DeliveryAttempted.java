package dev.herald.webhooks;

/** A CDI event for each attempt to deliver an event to a webhook endpoint, fired once recorded. */
public record DeliveryAttempted(String endpointId, Delivery delivery) {}
