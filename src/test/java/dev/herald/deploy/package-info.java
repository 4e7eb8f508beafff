/**
 * The deployment descriptions in {@code deploy/}: checks that they agree with {@code server.xml},
 * {@code jvm.options} and Herald's settings, and that their probes answer on a running server.
 */
package dev.herald.deploy;
