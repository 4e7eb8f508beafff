package dev.herald.benchmark;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * REST ingest: {@code POST /api/events/batch} from this JVM with a few requests in flight, one
 * warm-up, then {@code runs} timed runs, every body of a run built before its clock starts. An
 * event counts once its batch is answered 202 (stored).
 */
final class RestBatchScenario {

  private final BenchServer server;
  private final BenchmarkSizes sizes;
  private final AtomicReference<String> firstError = new AtomicReference<>();

  RestBatchScenario(BenchServer server, BenchmarkSizes sizes) {
    this.server = server;
    this.sizes = sizes;
  }

  Runs run() throws Exception {
    // A warm-up body not stored is missing from the consume backlog: count it in the first run.
    long warmupFailed = post(bodies("rest-w-", sizes.warmup()));
    List<Throughput> runs = new ArrayList<>();
    for (int run = 1; run <= sizes.runs(); run++) {
      List<String> bodies = bodies("rest-m" + run + "-", sizes.events());
      long start = System.nanoTime();
      long failed = post(bodies);
      double seconds = (System.nanoTime() - start) / 1e9;
      long earlier = run == 1 ? warmupFailed : 0;
      runs.add(
          new Throughput(
              (long) bodies.size() * sizes.restBatch() - failed, seconds, failed + earlier));
    }
    if (firstError.get() != null) {
      System.err.println("REST batch ingest: first failure: " + firstError.get());
    }
    return Runs.of(runs);
  }

  private List<String> bodies(String run, int events) {
    List<String> bodies = new ArrayList<>();
    for (int from = 0; from < events; from += sizes.restBatch()) {
      bodies.add(BenchmarkEvents.batch(run, from, from + sizes.restBatch()));
    }
    return bodies;
  }

  /** Posts every body, {@code restConcurrency} at a time; returns the events not stored. */
  private long post(List<String> bodies) throws Exception {
    AtomicInteger next = new AtomicInteger();
    LongAdder failed = new LongAdder();
    ExecutorService clients = Executors.newFixedThreadPool(sizes.restConcurrency());
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < sizes.restConcurrency(); c++) {
        running.add(
            clients.submit(
                () -> {
                  for (int i = next.getAndIncrement();
                      i < bodies.size();
                      i = next.getAndIncrement()) {
                    HttpResponse<byte[]> response = server.publishBatch(bodies.get(i));
                    if (response.statusCode() != 202) {
                      failed.add(sizes.restBatch());
                      firstError.compareAndSet(
                          null,
                          response.statusCode()
                              + " "
                              + new String(response.body(), StandardCharsets.UTF_8));
                    }
                  }
                }));
      }
      for (Future<?> client : running) {
        client.get();
      }
    } finally {
      clients.shutdownNow();
    }
    return failed.sum();
  }
}
