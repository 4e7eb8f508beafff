/**
 * The REST edge under {@code /api}: every JAX-RS resource and the roles it allows ({@link
 * dev.herald.rest.Roles}), request bodies, and RFC 9457 problem details for every error. Resources
 * translate HTTP to calls of the core and back, nothing more.
 */
package dev.herald.rest;
