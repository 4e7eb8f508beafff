/**
 * The transactional outbox: events written as rows in the caller's database transaction ({@code
 * api.Outbox}) or by any service with a plain SQL insert, and relays that send them to Kafka in
 * order per aggregate once their transaction committed.
 */
package dev.herald.outbox;
