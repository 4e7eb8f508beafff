package dev.herald.benchmark;

/**
 * One of the targets and whether this run met it.
 *
 * @param met {@code null} when this run did not measure it
 */
record Target(String name, String rule, String measured, Boolean met) {}
