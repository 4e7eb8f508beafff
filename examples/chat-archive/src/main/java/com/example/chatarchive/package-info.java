/**
 * The chat archive: a service that bundles Herald and adds the {@code chat.transcript.archived}
 * event type, its channel, a handler that keeps what was archived, and a REST resource showing it.
 */
package com.example.chatarchive;
