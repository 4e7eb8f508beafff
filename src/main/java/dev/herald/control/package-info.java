/**
 * Control of Herald's channels at run time: pause, resume, and the state each channel is in
 * (running, paused, failed), on top of SmallRye's pausable channels and health reports.
 */
package dev.herald.control;
