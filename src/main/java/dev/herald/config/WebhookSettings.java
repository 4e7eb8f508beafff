package dev.herald.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Delivery of events to webhook endpoints: which private ranges may be called, how long an attempt
 * may take, when to try again and when to give up on an endpoint.
 *
 * <p>Keys ending in {@code -ms} take milliseconds, as everywhere in Herald; the retry schedule and
 * {@code disable-after} span seconds to days, so they take a number with a unit ({@code ms}, {@code
 * s}, {@code m}, {@code h}, {@code d}).
 *
 * @param allowedCidrs ranges (CIDR, IPv4 or IPv6) called even though they are private, loopback or
 *     otherwise refused; empty by default
 * @param timeout how long one attempt may take, connection included
 * @param retrySchedule the waits before each retry, after the first attempt failed
 * @param disableAfter how long an endpoint may keep failing before it is disabled
 * @param maxResponseBytes how much of an endpoint's response body is kept with an attempt
 * @param rotationGrace how long the previous secret keeps signing after a rotation
 * @param topic the compacted topic of the endpoints, with {@code herald.topics.prefix}
 * @param groupId the consumer group that delivers events to the endpoints
 * @param pendingTopic the compacted topic of the deliveries not yet done, with {@code
 *     herald.topics.prefix}
 * @param senderGroupId the consumer group whose members share the pending deliveries' partitions
 *     and send them
 * @param concurrency how many attempts one endpoint may have under way at once, per server
 * @param queueCapacity how many due deliveries of one endpoint a server holds ready for sending
 */
public record WebhookSettings(
    List<String> allowedCidrs,
    Duration timeout,
    List<Duration> retrySchedule,
    Duration disableAfter,
    int maxResponseBytes,
    Duration rotationGrace,
    String topic,
    String groupId,
    String pendingTopic,
    String senderGroupId,
    int concurrency,
    int queueCapacity) {

  public static final Setting ALLOWED_CIDRS =
      new Setting(
          "herald.webhooks.allowed-cidrs",
          null,
          "ranges (CIDR, IPv4 or IPv6, comma-separated) that webhook endpoints may resolve to even"
              + " though they are loopback, private, link-local or otherwise refused, e.g."
              + " 10.20.0.0/16");
  public static final Setting TIMEOUT_MS =
      new Setting(
          "herald.webhooks.timeout-ms",
          "15000",
          "how long one delivery attempt may take, connecting included, before it fails as a"
              + " timeout");
  public static final Setting RETRY_SCHEDULE =
      new Setting(
          "herald.webhooks.retry-schedule",
          "5s,5m,30m,2h,5h,10h,10h",
          "waits before each retry of a failed delivery, each a number with a unit (ms, s, m, h,"
              + " d); a message is given up when they are used up");
  public static final Setting DISABLE_AFTER =
      new Setting(
          "herald.webhooks.disable-after",
          "5d",
          "how long an endpoint may keep failing (a number with a unit: ms, s, m, h, d) before it"
              + " is disabled");
  public static final Setting MAX_RESPONSE_BYTES =
      new Setting(
          "herald.webhooks.max-response-bytes",
          "1024",
          "how much of an endpoint's response body is kept with each attempt");
  public static final Setting ROTATION_GRACE =
      new Setting(
          "herald.webhooks.rotation-grace",
          "24h",
          "how long the previous secret keeps signing after a secret rotation (a number with a"
              + " unit: ms, s, m, h, d), beside the new one");
  public static final Setting TOPIC =
      new Setting(
          "herald.webhooks.topic",
          "herald-webhooks",
          "compacted topic (after herald.topics.prefix) that holds the webhook endpoints, their"
              + " secrets included, shared by every server; created when missing");
  public static final Setting GROUP_ID =
      new Setting(
          "herald.webhooks.group-id",
          "herald-webhooks",
          "consumer group that reads every channel's topic to deliver events to webhook endpoints");

  public static final Setting PENDING_TOPIC =
      new Setting(
          "herald.webhooks.pending-topic",
          "herald-webhook-deliveries",
          "compacted topic (after herald.topics.prefix) that holds every delivery not yet done,"
              + " with its event, attempts and next attempt; created when missing");
  public static final Setting SENDER_GROUP_ID =
      new Setting(
          "herald.webhooks.sender-group-id",
          "herald-webhook-senders",
          "consumer group whose members share the partitions of the pending deliveries and send"
              + " them");
  public static final Setting CONCURRENCY =
      new Setting(
          "herald.webhooks.concurrency",
          "4",
          "how many attempts one endpoint may have under way at once on a server; events with one"
              + " key go one after another");
  public static final Setting QUEUE_CAPACITY =
      new Setting(
          "herald.webhooks.queue-capacity",
          "64",
          "how many due deliveries of one endpoint a server holds ready for sending; the rest wait"
              + " in the pending topic");

  private static final Pattern DURATION =
      Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h|d)", Pattern.CASE_INSENSITIVE);

  public WebhookSettings {
    allowedCidrs = List.copyOf(allowedCidrs);
    retrySchedule = List.copyOf(retrySchedule);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalStateException(
          TIMEOUT_MS.key() + " is " + timeout.toMillis() + ": give a positive number of ms");
    }
    if (retrySchedule.isEmpty()) {
      throw new IllegalStateException(
          RETRY_SCHEDULE.key() + " is empty: give at least one wait, e.g. 5s,5m,30m");
    }
    if (disableAfter.isNegative() || disableAfter.isZero()) {
      throw new IllegalStateException(
          DISABLE_AFTER.key() + " is " + disableAfter + ": give a positive duration, e.g. 5d");
    }
    if (concurrency < 1) {
      throw new IllegalStateException(
          CONCURRENCY.key() + " is " + concurrency + ": give 1 or more attempts at once");
    }
    if (queueCapacity < concurrency) {
      throw new IllegalStateException(
          QUEUE_CAPACITY.key()
              + " is "
              + queueCapacity
              + ": give at least "
              + CONCURRENCY.key()
              + " ("
              + concurrency
              + ")");
    }
    if (maxResponseBytes < 0) {
      throw new IllegalStateException(
          MAX_RESPONSE_BYTES.key() + " is " + maxResponseBytes + ": give 0 or more bytes");
    }
  }

  public static WebhookSettings from(Settings settings) {
    return new WebhookSettings(
        settings.list(ALLOWED_CIDRS),
        Duration.ofMillis(settings.longValue(TIMEOUT_MS)),
        durations(RETRY_SCHEDULE, settings.text(RETRY_SCHEDULE)),
        duration(DISABLE_AFTER, settings.text(DISABLE_AFTER)),
        settings.intValue(MAX_RESPONSE_BYTES),
        duration(ROTATION_GRACE, settings.text(ROTATION_GRACE)),
        settings.raw(EventChannels.TOPICS_PREFIX).orElse("") + settings.text(TOPIC),
        settings.text(GROUP_ID),
        settings.raw(EventChannels.TOPICS_PREFIX).orElse("") + settings.text(PENDING_TOPIC),
        settings.text(SENDER_GROUP_ID),
        settings.intValue(CONCURRENCY),
        settings.intValue(QUEUE_CAPACITY));
  }

  /** The defaults, as a server without configuration has them. */
  public static WebhookSettings defaults() {
    return new WebhookSettings(
        List.of(),
        Duration.ofMillis(15_000),
        durations(RETRY_SCHEDULE, RETRY_SCHEDULE.defaultValue()),
        duration(DISABLE_AFTER, DISABLE_AFTER.defaultValue()),
        1024,
        duration(ROTATION_GRACE, ROTATION_GRACE.defaultValue()),
        TOPIC.defaultValue(),
        GROUP_ID.defaultValue(),
        PENDING_TOPIC.defaultValue(),
        SENDER_GROUP_ID.defaultValue(),
        4,
        64);
  }

  /** A comma-separated list of durations such as {@code 5s,5m,2h}. */
  static List<Duration> durations(Setting setting, String value) {
    List<Duration> durations = new ArrayList<>();
    for (String part : Settings.split(value)) {
      durations.add(duration(setting, part));
    }
    return durations;
  }

  /** A duration such as {@code 500ms}, {@code 5s}, {@code 30m}, {@code 2h} or {@code 5d}. */
  static Duration duration(Setting setting, String value) {
    Matcher matcher = DURATION.matcher(value.trim());
    if (!matcher.matches()) {
      throw new IllegalStateException(
          setting.key()
              + " has '"
              + value.trim()
              + "', which is not a duration: give a number and a unit (ms, s, m, h, d), e.g. 30m");
    }
    long amount = Long.parseLong(matcher.group(1));
    Duration duration =
        switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        };
    if (duration.isZero()) {
      throw new IllegalStateException(
          setting.key() + " has '" + value.trim() + "': a wait must be longer than 0");
    }
    return duration;
  }
}
