package dev.herald.schemas.upcasting;

import tools.jackson.databind.node.ObjectNode;

/**
 * One declarative upcast operation on the data, and the same change applied to a JSON Schema, so
 * that compatibility can be checked on what an older writer's data becomes.
 */
interface UpcastOperation {

  /** Applies the operation to a copy-on-write object (the caller passes a deep copy). */
  void apply(ObjectNode data);

  /** Applies the same change to an object schema (a deep copy), as far as it can be expressed. */
  void applyToSchema(ObjectNode schema);
}
