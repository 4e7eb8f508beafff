package dev.herald.routing;

import dev.herald.api.CloudEvent;
import dev.herald.api.CloudEventAttributes;
import dev.herald.api.Violation;
import dev.herald.config.ConsumeSettings;
import dev.herald.config.EventChannel;
import dev.herald.config.EventChannels;
import dev.herald.events.EventDecodingException;
import dev.herald.events.KafkaBinding;
import dev.herald.schemas.EventValidator;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Headers;

/**
 * Turns a channel's record into the event handlers see: decoded from the CloudEvents binding, of
 * the channel's type, valid against its version's schema, upcast to the latest version. Anything
 * else is an {@link EventRejectedException} whose message says exactly what is wrong, and, when the
 * data fits another version than the one it was read as, which version to send.
 */
@Dependent
public class EventReader {

  @Inject EventChannels channels;
  @Inject EventValidator validator;

  @Inject ConsumeSettings settings;

  /** The event of a record's headers and value, valid and upcast to the latest version. */
  public CloudEvent read(String channel, Headers headers, byte[] value)
      throws EventRejectedException {
    int maxEventBytes = settings.maxEventBytes();
    if (value != null && value.length > maxEventBytes) {
      throw new EventRejectedException(
          "Channel '"
              + channel
              + "' rejected a record of "
              + value.length
              + " bytes, more than "
              + ConsumeSettings.MAX_EVENT_BYTES.key()
              + "="
              + maxEventBytes);
    }
    CloudEvent event;
    try {
      event = KafkaBinding.decode(headers, value);
    } catch (EventDecodingException e) {
      throw new EventRejectedException(
          "Channel '" + channel + "' cannot read the record: " + e.getMessage(), e);
    }
    String expected = channels.forChannel(channel).map(EventChannel::type).orElse(null);
    if (expected != null && !expected.equals(event.type())) {
      throw new EventRejectedException(
          "Channel '"
              + channel
              + "' carries '"
              + expected
              + "' events but event "
              + event.id()
              + " has type '"
              + event.type()
              + "': publish it to the topic of its own type");
    }
    List<Violation> violations = validator.validate(event);
    if (!violations.isEmpty()) {
      String prefix = KafkaBinding.structured(headers) ? "" : CloudEventAttributes.HEADER_PREFIX;
      throw new EventRejectedException(
          "Channel '"
              + channel
              + "' rejected event "
              + event.id()
              + " ("
              + event.type()
              + "): "
              + violations.stream().map(Violation::toString).collect(Collectors.joining("; "))
              + validator.versionHint(event, prefix).map(hint -> "; " + hint).orElse(""));
    }
    try {
      return validator.toLatest(event);
    } catch (IllegalStateException e) {
      throw new EventRejectedException(
          "Channel '" + channel + "' cannot upcast event " + event.id() + ": " + e.getMessage(), e);
    }
  }
}
