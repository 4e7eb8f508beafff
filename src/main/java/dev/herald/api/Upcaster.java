package dev.herald.api;

import tools.jackson.databind.JsonNode;

/**
 * Turns the data of one version of an event type into the next version. Implement it as a CDI bean
 * for changes a declarative {@code v<N>.upcast.json} cannot express.
 */
public interface Upcaster {

  /** The event type. */
  String type();

  /** The version this step reads; it writes {@code fromVersion() + 1}. */
  int fromVersion();

  /** The upcast data; the argument must not be modified (copy it first). */
  JsonNode upcast(JsonNode data);
}
