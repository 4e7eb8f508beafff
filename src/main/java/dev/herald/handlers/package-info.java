/** Handlers that ship with Herald. */
package dev.herald.handlers;
