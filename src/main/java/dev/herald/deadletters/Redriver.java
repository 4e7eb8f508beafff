package dev.herald.deadletters;

import dev.herald.config.EventChannel;
import dev.herald.reliability.DeadLetterHeaders;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends dead letters back to the topic they were consumed from, with their key, value and own
 * headers (see {@link RedriveHeaders}), and marks each as redriven.
 */
@ApplicationScoped
public class Redriver {

  @Inject DeadLetterKafka kafka;
  @Inject DeadLetterBrowser browser;
  @Inject DeadLetterTopics topics;
  @Inject RedriveMarks marks;
  @Inject DeadLetterCounts counts;

  @Resource ManagedExecutorService executor;

  /** Dead letters being redriven one by one on this server, so that two requests do not race. */
  private final Map<String, Boolean> inFlight = new ConcurrentHashMap<>();

  /**
   * Redrives one dead letter.
   *
   * @param force send it again even when it was redriven before
   * @throws DeadLetterException.Conflict when it was redriven before and {@code force} is false
   */
  public Redriven redrive(String entryId, boolean force) {
    EntryId id = EntryId.parse(entryId);
    EventChannel channel = topics.channelOf(id);
    ConsumerRecord<String, byte[]> record = browser.read(id);
    if (inFlight.putIfAbsent(id.toString(), Boolean.TRUE) != null) {
      throw new DeadLetterException.Conflict(
          "Dead letter " + id + " is being redriven by another request right now");
    }
    try {
      marks
          .find(id)
          .filter(previous -> !force)
          .ifPresent(
              previous -> {
                throw new DeadLetterException.Conflict(
                    "Dead letter "
                        + id
                        + " was redriven at "
                        + previous.at()
                        + " to "
                        + previous.topic()
                        + "-"
                        + previous.partition()
                        + "@"
                        + previous.offset()
                        + ": add ?force=true to send it again");
              });
      Redrive redrive = kafka.await(send(channel, record, id, null), "redriving " + id);
      counts.redriven(1);
      return Redriven.of(id, redrive);
    } finally {
      inFlight.remove(id.toString());
    }
  }

  /**
   * Sends a dead letter back and marks it; completes once the broker stored both the record and the
   * mark.
   *
   * @param task the task that redrives it; null for a single redrive
   */
  CompletableFuture<Redrive> send(
      EventChannel channel, ConsumerRecord<String, byte[]> record, EntryId id, String task) {
    String topic =
        DeadLetterHeaders.value(record.headers(), DeadLetterEntry.ORIGINAL_TOPIC)
            .filter(t -> !t.isBlank())
            .orElse(channel.topic());
    ProducerRecord<String, byte[]> redriven =
        new ProducerRecord<>(
            topic,
            null,
            record.key(),
            record.value(),
            RedriveHeaders.forRedrive(record.headers(), id));
    CompletableFuture<Redrive> sent = new CompletableFuture<>();
    try {
      kafka
          .producer()
          .send(
              redriven,
              (metadata, error) -> {
                if (error == null) {
                  sent.complete(
                      Redrive.at(
                          Instant.ofEpochMilli(metadata.timestamp()),
                          metadata.topic(),
                          metadata.partition(),
                          metadata.offset(),
                          task));
                } else {
                  sent.completeExceptionally(error);
                }
              });
    } catch (RuntimeException e) {
      sent.completeExceptionally(e);
    }
    // marked off the producer's I/O thread: a send from its callback could wait on its own buffer
    return sent.thenComposeAsync(redrive -> marks.mark(id, redrive), executor);
  }
}
