package dev.herald.stream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Server-Sent Events client as the spec reads a stream: lines up to a blank line make a message;
 * {@code :} starts a comment. A thread reads the response into a queue, which the test takes from
 * with a bound; closing the connection is a client going away.
 */
final class SseConnection implements AutoCloseable {

  /** One message: an event (its id, name, data) or a comment. */
  record Message(String id, String event, String data, String comment) {
    boolean isComment() {
      return comment != null;
    }
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final HttpResponse<InputStream> response;
  private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
  private final Thread reader;
  private final String body;

  private SseConnection(HttpResponse<InputStream> response) throws IOException {
    this.response = response;
    if (response.statusCode() == 200) {
      body = null;
      reader = new Thread(this::read, "sse-reader");
      reader.setDaemon(true);
      reader.start();
    } else {
      try (InputStream in = response.body()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      reader = null;
    }
  }

  /**
   * Connects and waits for the status and headers (the server sends them with its first comment).
   *
   * @param lastEventId sent as {@code Last-Event-ID}; none when null
   */
  static SseConnection open(URI uri, String authorization, String lastEventId) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header("Accept", "text/event-stream")
            .header("Authorization", authorization)
            .timeout(Duration.ofSeconds(30))
            .GET();
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    return new SseConnection(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
  }

  int status() {
    return response.statusCode();
  }

  String header(String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  /** The body of a refusal; null for a stream. */
  String body() {
    return body;
  }

  /** The next message, or null after {@code wait}. */
  Message next(Duration wait) throws InterruptedException {
    return messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The next event, skipping comments, or null after {@code wait}. */
  Message nextEvent(Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    Message message;
    do {
      message = messages.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } while (message != null && message.isComment());
    return message;
  }

  @Override
  public void close() throws IOException {
    response.body().close();
    if (reader != null) {
      reader.interrupt();
    }
  }

  private void read() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String id = null;
      String event = null;
      StringBuilder data = null;
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isEmpty()) {
          if (data != null || event != null || id != null) {
            messages.add(new Message(id, event, data == null ? null : data.toString(), null));
          }
          id = null;
          event = null;
          data = null;
        } else if (line.startsWith(":")) {
          messages.add(new Message(null, null, null, line.substring(1).strip()));
        } else {
          int colon = line.indexOf(':');
          String field = colon < 0 ? line : line.substring(0, colon);
          String value = colon < 0 ? "" : line.substring(colon + 1);
          value = value.startsWith(" ") ? value.substring(1) : value;
          switch (field) {
            case "id" -> id = value;
            case "event" -> event = value;
            case "data" ->
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            default -> {}
          }
        }
      }
    } catch (IOException closed) {
      // the test closed the connection, or the server ended the stream
    }
  }
}
