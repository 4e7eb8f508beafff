package dev.herald.retry;

import java.time.Duration;

/**
 * One stage of a channel's retry topics: a record whose in-place retries ran out waits {@code
 * delay} on {@code topic} ({@code <channel topic>.retry.<delay>}) before its handlers are called
 * again.
 *
 * @param stage 1 for the first retry topic of the channel, 2 for the next, …
 */
public record RetryTopic(String channel, int stage, String topic, Duration delay) {}
