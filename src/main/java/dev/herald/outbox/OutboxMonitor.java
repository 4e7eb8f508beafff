package dev.herald.outbox;

/** Told what the relays do, for the metrics. */
public interface OutboxMonitor {

  void published(String outbox, int rows);

  void failed(String outbox);
}
