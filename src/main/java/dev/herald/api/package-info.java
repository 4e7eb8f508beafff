/**
 * Herald's public API: what a service's own code uses. {@link dev.herald.api.CloudEvent} (the
 * event), {@link dev.herald.api.EventHandler} (a CDI bean that handles events), {@link
 * dev.herald.api.EventPublisher} (inject it to publish), {@link dev.herald.api.ChannelRouter} (a
 * channel bean hands its records to it), {@link dev.herald.api.Upcaster} (turns an older schema
 * version's data into the next), the exceptions a handler throws or a publisher returns, and the
 * results of publishing and handling. It depends on nothing else of Herald, so a service compiles
 * against it alone; everything outside it may change between versions.
 */
package dev.herald.api;
