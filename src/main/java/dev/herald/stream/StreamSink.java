package dev.herald.stream;

import java.util.concurrent.CompletionStage;

/**
 * The client's end of a stream, as the REST edge provides it: Server-Sent Events on an HTTP
 * response. Each write completes once it is written to the connection, or exceptionally when the
 * client is gone.
 */
public interface StreamSink {

  /** An event: {@code id:}, {@code event:} and one line of {@code data:}. */
  CompletionStage<?> event(String id, String name, String data);

  /** A comment line, which clients ignore: a heartbeat. */
  CompletionStage<?> comment(String text);

  /** Whether the connection is known to be closed. */
  boolean isClosed();

  /** Ends the response; writes already handed over are flushed first. */
  void close();
}
