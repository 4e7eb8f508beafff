package dev.herald.stream;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** A client that records what a stream writes; each write completes as {@link #answer} says. */
final class RecordingSink implements StreamSink {

  /** One write: an event (id, name, data) or a comment (name null, data the text). */
  record Written(String id, String name, String data) {
    boolean isComment() {
      return name == null;
    }
  }

  enum Answer {
    WRITTEN,
    NEVER,
    FAILED,
    /** The call blocks until {@link #release} (as Liberty's does when the client reads nothing). */
    BLOCKED
  }

  final List<Written> written = new CopyOnWriteArrayList<>();
  volatile Answer answer = Answer.WRITTEN;
  volatile boolean closed;
  final CountDownLatch blocking = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);

  /** Lets a blocked write return: it failed, as a write that timed out does. */
  void release() {
    released.countDown();
  }

  @Override
  public CompletionStage<?> event(String id, String name, String data) {
    return write(new Written(id, name, data));
  }

  @Override
  public CompletionStage<?> comment(String text) {
    return write(new Written(null, null, text));
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
  }

  List<Written> events() {
    return written.stream().filter(w -> !w.isComment()).toList();
  }

  private CompletionStage<?> write(Written write) {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    written.add(write);
    return switch (answer) {
      case WRITTEN -> CompletableFuture.completedFuture(null);
      case NEVER -> new CompletableFuture<>();
      case FAILED -> CompletableFuture.failedFuture(new java.io.IOException("Broken pipe"));
      case BLOCKED -> {
        blocking.countDown();
        try {
          released.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        yield CompletableFuture.failedFuture(new java.io.IOException("write timed out"));
      }
    };
  }
}
