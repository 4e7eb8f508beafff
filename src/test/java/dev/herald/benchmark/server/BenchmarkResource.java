package dev.herald.benchmark.server;

import dev.herald.benchmark.server.LatencyBench.LatencyRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * The benchmark's handle on the server, under {@code /api/bench}. Publishing endpoints take the
 * template event as CloudEvents JSON and answer once every event is acknowledged.
 */
@Path("bench")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class BenchmarkResource {

  @Inject PublishBench publish;
  @Inject PlainConsumer plainConsumer;
  @Inject ChannelBench channel;
  @Inject LatencyBench latency;
  @Inject PlainKafka kafka;
  @Inject Config config;

  @POST
  @Path("publish/herald")
  @Consumes(MediaType.APPLICATION_JSON)
  public Timing publishHerald(
      @QueryParam("run") String run,
      @QueryParam("warmup") int warmup,
      @QueryParam("count") int count,
      byte[] template)
      throws InterruptedException {
    return publish.herald(BenchEvents.template(template), run, warmup, count);
  }

  @POST
  @Path("publish/plain")
  @Consumes(MediaType.APPLICATION_JSON)
  public Timing publishPlain(
      @QueryParam("run") String run,
      @QueryParam("warmup") int warmup,
      @QueryParam("count") int count,
      byte[] template)
      throws InterruptedException {
    return publish.plain(BenchEvents.template(template), run, warmup, count);
  }

  @POST
  @Path("consume/plain")
  public Timing consumePlain(@QueryParam("warmup") int warmup) throws Exception {
    return plainConsumer.readAll(warmup);
  }

  /** Resumes Herald's channel; {@code GET} on the same path then tells its progress. */
  @POST
  @Path("consume/herald")
  public Map<String, Long> consumeHerald(@QueryParam("warmup") int warmup) throws Exception {
    return Map.of("backlog", channel.resume(warmup));
  }

  @GET
  @Path("consume/herald")
  public ChannelBench.Progress consumeHeraldProgress() {
    return channel.progress();
  }

  @POST
  @Path("latency")
  @Consumes(MediaType.APPLICATION_JSON)
  public LatencyRun latency(
      @QueryParam("run") String run,
      @QueryParam("rate") int rate,
      @QueryParam("warmup-seconds") int warmupSeconds,
      @QueryParam("seconds") int seconds,
      @QueryParam("drain-seconds") @DefaultValue("120") int drainSeconds,
      byte[] template)
      throws InterruptedException {
    return latency.run(
        BenchEvents.template(template), run, rate, warmupSeconds, seconds, drainSeconds);
  }

  /** The process's memory; {@code gc=true} collects garbage first, for the live heap. */
  @GET
  @Path("memory")
  public ProcessMemory.Sample memory(@QueryParam("gc") boolean gc) throws Exception {
    if (gc) {
      System.gc();
    }
    return ProcessMemory.sample();
  }

  /** The JVM, versions and the Kafka and Herald settings the scenarios run with. */
  @GET
  @Path("facts")
  public Map<String, Object> facts() {
    Map<String, Object> facts = ServerFacts.collect();
    facts.put("topic", kafka.channel().topic());
    facts.put("channel", kafka.channel().channel());
    facts.put("producer", kafka.producer());
    facts.put("consumer", kafka.consumer("(per run)"));
    Map<String, String> herald = new LinkedHashMap<>();
    for (String key :
        new String[] {
          "herald.handlers.disabled",
          "herald.idempotency.store",
          "herald.topics.prefix",
          "herald.consume.max-in-flight",
          "herald.bench.blocking-handler"
        }) {
      herald.put(key, config.getOptionalValue(key, String.class).orElse("(default)"));
    }
    facts.put("herald", herald);
    return facts;
  }
}
