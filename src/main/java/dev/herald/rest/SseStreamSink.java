package dev.herald.rest;

import dev.herald.stream.StreamSink;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.CompletionStage;

/** A live stream's client: the JAX-RS SSE sink of its request. */
final class SseStreamSink implements StreamSink {

  private final SseEventSink sink;
  private final Sse sse;

  SseStreamSink(SseEventSink sink, Sse sse) {
    this.sink = sink;
    this.sse = sse;
  }

  @Override
  public CompletionStage<?> event(String id, String name, String data) {
    return sink.send(sse.newEventBuilder().id(id).name(name).data(data).build());
  }

  @Override
  public CompletionStage<?> comment(String text) {
    return sink.send(sse.newEventBuilder().comment(text).build());
  }

  @Override
  public boolean isClosed() {
    return sink.isClosed();
  }

  @Override
  public void close() {
    sink.close();
  }
}
