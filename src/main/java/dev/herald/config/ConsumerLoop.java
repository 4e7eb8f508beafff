package dev.herald.config;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * A background Kafka consumer's life on a thread of its own: rounds run one after another while it
 * runs; a round that fails is logged (once per outage) and run again after a wait, with a new
 * consumer; {@link #stop} wakes the consumer of the round under way and waits for the thread. A
 * round creates its consumer and hands it to {@link #using} so that a stop can wake it.
 *
 * <p>Which failures are worth another round is the owner's choice: every failure, or only what
 * Kafka refused ({@link KafkaRefusals}: a login, an ACL), which an operator fixes at the broker
 * without restarting Herald; any other failure then ends the loop, and {@link #failure} says why.
 */
public final class ConsumerLoop {

  /** One round: creates a consumer, hands it to {@link #using}, reads while the loop runs. */
  @FunctionalInterface
  public interface Round {
    void run() throws InterruptedException;
  }

  private final String what;
  private final Logger log;
  private final Duration backoff;
  private final boolean anyFailureRetried;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running;
  private volatile Consumer<?, ?> consumer;
  private volatile String failure;
  private Thread thread;

  /**
   * @param what what the loop does, for the logs, e.g. "The webhook endpoints are read"
   * @param anyFailureRetried whether any failure gets another round, or only Kafka's refusals
   */
  public ConsumerLoop(String what, Logger log, Duration backoff, boolean anyFailureRetried) {
    this.what = what;
    this.log = log;
    this.backoff = backoff;
    this.anyFailureRetried = anyFailureRetried;
  }

  /** Starts the rounds on a new thread of {@code threads}, named {@code name}. */
  public synchronized void start(ThreadFactory threads, String name, Round round) {
    running = true;
    thread = threads.newThread(() -> run(round));
    thread.setName(name);
    thread.start();
  }

  /** Stops the rounds: wakes the consumer and waits up to {@code wait} for the thread to end. */
  public void stop(Duration wait) throws InterruptedException {
    running = false;
    stopped.countDown();
    Consumer<?, ?> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    Thread started;
    synchronized (this) {
      started = thread;
    }
    if (started != null) {
      started.join(wait.toMillis());
    }
  }

  public boolean running() {
    return running;
  }

  /** Why the last round failed, while no round has read since; empty while reading works. */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /** The round's consumer, remembered so that a stop can wake it. */
  public <K, V> Consumer<K, V> using(Consumer<K, V> roundConsumer) {
    this.consumer = roundConsumer;
    if (!running) {
      roundConsumer.wakeup(); // stopped while it was being created
    }
    return roundConsumer;
  }

  /** A round read again after a failure: says so once. */
  public void reading() {
    if (failure != null) {
      log.info(what + " again");
      failure = null;
    }
  }

  /**
   * Waits, unless the loop stops meanwhile.
   *
   * @return false when it stopped
   */
  public boolean pause(Duration wait) {
    try {
      return !stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
      return false;
    }
  }

  private void run(Round round) {
    while (running) {
      try {
        round.run();
      } catch (WakeupException | InterruptException e) {
        return; // stopping
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | Error e) {
        if (!running) {
          return;
        }
        Optional<String> refused = KafkaRefusals.describe(e);
        if (refused.isEmpty() && !anyFailureRetried) {
          failure = e.toString();
          log.log(Level.SEVERE, what + " no more", e);
          return;
        }
        if (failure == null) {
          log.log(
              Level.WARNING,
              what
                  + " no more, trying again every "
                  + backoff.toMillis()
                  + " ms: "
                  + refused.orElse(e.toString()),
              refused.isPresent() ? null : e);
        }
        failure = refused.map(why -> "Kafka refused: " + why).orElse(e.toString());
        pause(backoff);
      } finally {
        consumer = null;
      }
    }
  }
}
