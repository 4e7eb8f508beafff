/**
 * Event schemas: the catalog of JSON Schemas (draft 2020-12), one per type and version, loaded and
 * compiled once at startup, and the validation every published and consumed event goes through.
 */
package dev.herald.schemas;
