/**
 * Test support: the Kafka broker and the PostgreSQL server the integration tests run against, the
 * deployment of the built WAR, and small HTTP and Kafka clients.
 */
package dev.herald.testing;
