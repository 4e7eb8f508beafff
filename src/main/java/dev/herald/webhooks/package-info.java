/**
 * Webhooks: events delivered to HTTP subscribers as Standard Webhooks (signed structured-mode
 * CloudEvents), with the SSRF guard every endpoint address passes, one delivery attempt at a time,
 * the retry schedule and the event-type patterns subscriptions use.
 */
package dev.herald.webhooks;
