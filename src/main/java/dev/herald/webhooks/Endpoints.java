package dev.herald.webhooks;

import dev.herald.config.WebhookSettings;
import dev.herald.events.TypePattern;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The webhook endpoints, kept in a compacted topic ({@code herald.webhooks.topic}: key the endpoint
 * id, value its JSON, a tombstone when deleted) so that they survive restarts and every server
 * shares them. {@link EndpointsTopic} reads the topic into this view from the start and keeps
 * following it (other servers' changes); this server's own changes are in the view as soon as the
 * broker stored them. Changes on two servers at once: the later record wins.
 */
@ApplicationScoped
public class Endpoints {

  @Inject EndpointsTopic topic;
  @Inject WebhookSettings settings;

  private final Clock clock = Clock.systemUTC();
  private final Map<String, Stored> view = new ConcurrentHashMap<>();
  private AddressGuard guard;

  /** The newest record of an endpoint seen so far; {@code endpoint} is null once deleted. */
  private record Stored(Endpoint endpoint, int partition, long offset) {}

  /** Every endpoint, the oldest first. */
  public List<Endpoint> list() {
    topic.awaitLoaded();
    return current().sorted(Comparator.comparing(Endpoint::createdAt)).toList();
  }

  public Optional<Endpoint> find(String id) {
    topic.awaitLoaded();
    Stored stored = view.get(id);
    return Optional.ofNullable(stored == null ? null : stored.endpoint());
  }

  /** How many endpoints are enabled (or disabled), as far as read, without waiting: for metrics. */
  public long count(boolean enabled) {
    return current().filter(endpoint -> endpoint.enabled() == enabled).count();
  }

  /** The enabled endpoints, without waiting: delivery reads them for every event. */
  List<Endpoint> enabled() {
    return current().filter(Endpoint::enabled).toList();
  }

  private java.util.stream.Stream<Endpoint> current() {
    return view.values().stream().map(Stored::endpoint).filter(e -> e != null);
  }

  /**
   * Registers an endpoint with a new secret.
   *
   * @throws EndpointRefusedException when the URL may not be called (scheme, user info, host, or an
   *     address the guard refuses); the message does not repeat the URL
   */
  public synchronized Endpoint register(String url, List<TypePattern> types, String tenantid)
      throws EndpointRefusedException {
    topic.awaitLoaded();
    URI checked = guard().checkEndpoint(url);
    Instant now = clock.instant();
    Endpoint endpoint =
        new Endpoint(
            "wh_" + UUID.randomUUID().toString().replace("-", ""),
            checked.toString(),
            types,
            tenantid,
            true,
            null,
            now,
            now,
            WebhookSecret.generate(),
            null,
            null,
            null);
    return write(endpoint.id(), endpoint);
  }

  /** Applies a change; empty for an unknown id. */
  public synchronized Optional<Endpoint> change(String id, EndpointChange change)
      throws EndpointRefusedException {
    Optional<Endpoint> found = find(id);
    if (found.isEmpty()) {
      return found;
    }
    Endpoint old = found.get();
    String url = change.url() == null ? old.url() : guard().checkEndpoint(change.url()).toString();
    Endpoint changed =
        old.changed(
            url,
            change.types() == null ? old.types() : change.types(),
            change.tenantGiven() ? change.tenantid() : old.tenantid(),
            change.enabled() == null ? old.enabled() : change.enabled(),
            clock.instant());
    return Optional.of(write(id, changed));
  }

  /**
   * A new secret; the current one keeps signing beside it for {@code
   * herald.webhooks.rotation-grace} (a previous one still in its grace stops at once).
   */
  public synchronized Optional<Endpoint> rotateSecret(String id) {
    Optional<Endpoint> found = find(id);
    if (found.isEmpty()) {
      return found;
    }
    Instant now = clock.instant();
    return Optional.of(
        write(
            id,
            found
                .get()
                .rotated(WebhookSecret.generate(), now, now.plus(settings.rotationGrace()))));
  }

  /** Deletes an endpoint (a tombstone); false for an unknown id. */
  public synchronized boolean delete(String id) {
    if (find(id).isEmpty()) {
      return false;
    }
    write(id, null);
    return true;
  }

  /**
   * Disables an endpoint, e.g. after a 410.
   *
   * @return false when it is gone or disabled already: nothing changed
   */
  synchronized boolean disable(String id, String reason) {
    Stored stored = view.get(id);
    if (stored != null && stored.endpoint() != null && stored.endpoint().enabled()) {
      write(id, stored.endpoint().disabled(reason, clock.instant()));
      return true;
    }
    return false;
  }

  /**
   * Notes a failed attempt at {@code at}: the endpoint fails since then unless it failed already.
   *
   * @return since when it fails; empty when it is gone
   */
  synchronized Optional<Instant> failed(String id, Instant at) {
    Stored stored = view.get(id);
    if (stored == null || stored.endpoint() == null) {
      return Optional.empty();
    }
    Endpoint endpoint = stored.endpoint();
    if (endpoint.failingSince() == null) {
      write(id, endpoint.failing(at));
      return Optional.of(at);
    }
    return Optional.of(endpoint.failingSince());
  }

  /** Notes a successful attempt: the endpoint no longer fails. Written only when it did. */
  synchronized void succeeded(String id) {
    Stored stored = view.get(id);
    if (stored != null && stored.endpoint() != null && stored.endpoint().failingSince() != null) {
      write(id, stored.endpoint().failing(null));
    }
  }

  /** An endpoint as far as read, without waiting: for delivery. */
  Optional<Endpoint> current(String id) {
    Stored stored = view.get(id);
    return Optional.ofNullable(stored == null ? null : stored.endpoint());
  }

  /** A record read from the topic: kept unless this view holds a newer one of the same key. */
  void apply(String id, Endpoint endpoint, int partition, long offset) {
    view.compute(
        id,
        (key, old) ->
            old != null && old.partition() == partition && old.offset() > offset
                ? old
                : new Stored(endpoint, partition, offset));
  }

  private Endpoint write(String id, Endpoint endpoint) {
    long timeout = EndpointsTopic.TIMEOUT.toMillis();
    try {
      RecordMetadata stored =
          topic
              .producer()
              .send(
                  new ProducerRecord<>(
                      settings.topic(), id, endpoint == null ? null : endpoint.toJson()))
              .get(timeout, TimeUnit.MILLISECONDS);
      apply(id, endpoint, stored.partition(), stored.offset());
      return endpoint;
    } catch (ExecutionException e) {
      throw new WebhooksUnavailableException(
          "writing endpoint " + id + " to " + settings.topic() + " failed: " + e.getCause(), e);
    } catch (TimeoutException e) {
      throw new WebhooksUnavailableException(
          "Kafka did not store endpoint " + id + " in " + settings.topic() + " in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WebhooksUnavailableException("writing endpoint " + id + " was interrupted", e);
    }
  }

  private synchronized AddressGuard guard() {
    if (guard == null) {
      guard = AddressGuard.of(settings);
    }
    return guard;
  }
}
