/**
 * The CloudEvents envelope, its Kafka binary-mode binding and the publisher, with the REST boundary
 * that accepts events from other services.
 */
package dev.herald.events;
