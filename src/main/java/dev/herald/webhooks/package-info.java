/**
 * Webhooks: events delivered to HTTP subscribers as Standard Webhooks (signed structured-mode
 * CloudEvents). The endpoints kept in a compacted topic, the delivery consumer, the SSRF guard
 * every endpoint address passes, one delivery attempt at a time, the retry schedule (not applied
 * yet) and the event-type patterns subscriptions use.
 */
package dev.herald.webhooks;
