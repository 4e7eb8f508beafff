package dev.herald.deadletters;

import dev.herald.config.EventChannel;
import dev.herald.config.EventChannels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;

/** Which channels' dead-letter topics an operation reads, by event type or by entry id. */
@ApplicationScoped
public class DeadLetterTopics {

  @Inject EventChannels channels;

  /** The channel of {@code type}, or every channel when {@code type} is null. */
  public Collection<EventChannel> of(String type) {
    return type == null ? channels.all() : List.of(channel(type));
  }

  /**
   * The channel of an event type.
   *
   * @throws DeadLetterException.NotFound naming the known types
   */
  public EventChannel channel(String type) {
    return channels
        .forType(type)
        .orElseThrow(
            () ->
                new DeadLetterException.NotFound(
                    "No event type '" + type + "': use one of " + channels.types()));
  }

  /** The channel an entry id names. */
  public EventChannel channelOf(EntryId id) {
    return channels
        .forChannel(id.channel())
        .orElseThrow(
            () ->
                new DeadLetterException.NotFound(
                    "No dead letter "
                        + id
                        + ": there is no channel '"
                        + id.channel()
                        + "'; ids are listed by GET /api/dead-letters"));
  }
}
