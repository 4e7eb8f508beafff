/**
 * The Reactive Messaging channels: one thin {@code @Incoming} bean per event type, and the map of
 * event types to channels, topics and dead-letter topics read from MicroProfile Config.
 */
package dev.herald.channels;
