/**
 * Retry topics: the stages {@code <topic>.retry.<delay>} of each channel, the hand-off of a record
 * whose handlers failed transiently, the one consumer that re-dispatches due records, and the
 * headers that carry a record's history to its dead-letter topic.
 */
package dev.herald.retry;
