/**
 * Integration tests of the example services under examples/, deployed as their builds made them.
 */
package dev.herald.examples;
