/**
 * Control of Herald's channels at run time: pause, resume, and the state each channel is in
 * (running, paused, failed), on top of SmallRye's pausable channels and health reports; pauses are
 * kept in a compacted topic every server follows.
 */
package dev.herald.control;
