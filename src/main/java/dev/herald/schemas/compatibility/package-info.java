/**
 * Schema evolution checks: whether a new version of an event schema can join the catalog under a
 * compatibility policy with the same meanings as Confluent Schema Registry's (BACKWARD, FORWARD,
 * FULL and their transitive forms), judged structurally on the JSON Schema subset the catalog uses.
 */
package dev.herald.schemas.compatibility;
