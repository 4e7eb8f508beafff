/**
 * The CloudEvents envelope on the wire: the Kafka binary-mode binding (and structured mode on
 * read), Herald's one JSON mapper, and RFC 3339 timestamps.
 */
package dev.herald.events;
