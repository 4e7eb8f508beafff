/**
 * Upcasting: data written with an older schema version becomes the latest version, one step at a
 * time, before handlers see it. A step is a CDI {@link dev.herald.api.Upcaster} bean or a
 * declarative {@code v<N>.upcast.json} file of operations.
 */
package dev.herald.schemas.upcasting;
