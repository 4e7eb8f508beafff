/**
 * Routing: the {@link dev.herald.routing.EventHandler} SPI and the {@link
 * dev.herald.routing.EventManager} that calls every accepting handler and records a result each.
 */
package dev.herald.routing;
