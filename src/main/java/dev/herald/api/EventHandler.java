package dev.herald.api;

/**
 * A CDI bean that handles events. The {@link EventManager} calls every handler whose {@link
 * #accepts} is true; the record is acknowledged only when all of them returned normally.
 */
public interface EventHandler {

  /** A stable name for results, metrics and dead-letter reasons; bounded, never per event. */
  default String name() {
    return getClass().getSimpleName().replaceAll("_.*$", "");
  }

  /** Whether this handler wants the event; must be cheap and side-effect free. */
  boolean accepts(CloudEvent event);

  /**
   * Handles one event. Throwing fails the event: its record goes to the channel's dead-letter topic
   * with the exception's message as the reason.
   */
  void handle(CloudEvent event) throws Exception;

  /**
   * Whether {@link #handle} may block: I/O, locks held for long, waits. A blocking handler (the
   * default) runs on Liberty's managed executor, bounded by its channel's {@code
   * attempt-timeout-ms}. A handler that returns {@code false} runs on the thread that delivers the
   * event, usually the Kafka connector's event loop, without a thread switch (two to three times
   * the throughput of a channel): it must then finish in microseconds and never block, since it
   * holds up every channel on that thread, and no attempt timeout applies to it. With a blocking
   * idempotency store (JDBC), every handler runs as blocking.
   */
  default boolean blocking() {
    return true;
  }

  /**
   * Whether this handler may be given replayed events: events read again from their topic on an
   * operator's request ({@code POST /api/replays}), which carry the {@link
   * CloudEventAttributes#REPLAYID replayid} extension and reach the handler even when it completed
   * them before. A handler whose effect must never repeat (a payment, an e-mail) returns {@code
   * false}: a replay that names it is refused, and a replay that names no handler leaves it out.
   */
  default boolean replayable() {
    return true;
  }
}
