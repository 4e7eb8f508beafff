package dev.herald.benchmark.server;

import dev.herald.benchmark.server.FloodBench.FloodRun;
import dev.herald.benchmark.server.GcRecorder.GcPhase;
import dev.herald.benchmark.server.LatencyBench.LatencyRun;
import dev.herald.config.KafkaClients;
import jakarta.annotation.security.PermitAll;
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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * The benchmark's handle on the server, under {@code /api/bench}. Publishing endpoints take the
 * template event as CloudEvents JSON and answer once every event is acknowledged. Consume runs are
 * given as {@code runs} windows of {@code window} records at the end of a backlog.
 */
@PermitAll
@Path("bench")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class BenchmarkResource {

  /** SmallRye's settings of a channel that decide how it consumes, shown for both channels. */
  private static final List<String> CHANNEL_SETTINGS =
      List.of(
          "batch",
          "commit-strategy",
          "failure-strategy",
          "throttled.unprocessed-record-max-age.ms",
          "max.poll.records",
          "pausable");

  @Inject PublishBench publish;
  @Inject PlainConsumer plainConsumer;
  @Inject ChannelBench channel;
  @Inject BareChannelBench bare;
  @Inject FloodBench flood;
  @Inject LatencyBench latency;
  @Inject PlainLatencyBench plainLatency;
  @Inject BenchmarkHandler handler;
  @Inject GcRecorder gc;
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
  @Path("publish/plain-validated")
  @Consumes(MediaType.APPLICATION_JSON)
  public Timing publishPlainValidated(
      @QueryParam("run") String run,
      @QueryParam("warmup") int warmup,
      @QueryParam("count") int count,
      byte[] template)
      throws InterruptedException {
    return publish.plainWithValidation(BenchEvents.template(template), run, warmup, count);
  }

  /**
   * Writes {@code count} copies of the template to the benchmark topic with the plain producer
   * (with {@code invalid=true}, copies whose data breaks the schema), for the consume scenarios.
   */
  @POST
  @Path("fill")
  @Consumes(MediaType.APPLICATION_JSON)
  public Timing fill(
      @QueryParam("run") String run,
      @QueryParam("count") int count,
      @QueryParam("invalid") boolean invalid,
      byte[] template)
      throws InterruptedException {
    return publish.fill(BenchEvents.template(template), run, count, invalid);
  }

  /**
   * Takes the backlog of Herald's channel, which the plain consumers then read; answers its size
   * and that of the bare channel's group.
   */
  @POST
  @Path("consume/backlog")
  public Map<String, Long> consumeBacklog() throws Exception {
    return Map.of("herald", plainConsumer.snapshot(), "bare", bare.backlog());
  }

  @POST
  @Path("consume/plain")
  public Measured consumePlain(@QueryParam("runs") int runs, @QueryParam("window") long window) {
    return plainConsumer.readAll(runs, window);
  }

  @POST
  @Path("consume/plain-validated")
  public Measured consumePlainValidated(
      @QueryParam("runs") int runs, @QueryParam("window") long window) {
    return plainConsumer.decodeAndValidate(runs, window);
  }

  /**
   * Resumes Herald's channel on a backlog; {@code GET} on the same path then tells its progress.
   */
  @POST
  @Path("consume/herald")
  public Map<String, Long> consumeHerald(
      @QueryParam("backlog") long backlog,
      @QueryParam("runs") int runs,
      @QueryParam("window") long window) {
    channel.resume(backlog, runs, window);
    return Map.of("backlog", backlog);
  }

  @GET
  @Path("consume/herald")
  public ChannelProgress consumeHeraldProgress() {
    return channel.progress();
  }

  @POST
  @Path("consume/herald/pause")
  public Map<String, Boolean> pauseHerald() {
    channel.pause();
    return Map.of("paused", true);
  }

  /** Resumes the bare channel on a backlog; {@code GET} on the same path tells its progress. */
  @POST
  @Path("consume/bare")
  public Map<String, Long> consumeBare(
      @QueryParam("backlog") long backlog,
      @QueryParam("runs") int runs,
      @QueryParam("window") long window) {
    bare.resume(backlog, runs, window);
    return Map.of("backlog", backlog);
  }

  @GET
  @Path("consume/bare")
  public ChannelProgress consumeBareProgress() {
    return bare.progress();
  }

  @POST
  @Path("consume/bare/pause")
  public Map<String, Boolean> pauseBare() {
    bare.pause();
    return Map.of("paused", true);
  }

  /**
   * Resumes Herald's paused channel on {@code count} invalid records and waits until it drained.
   */
  @POST
  @Path("flood")
  public FloodRun flood(@QueryParam("count") long count, @QueryParam("runs") int runs)
      throws Exception {
    return flood.drain(count, runs);
  }

  /** Switches the benchmark handler between blocking and non-blocking. */
  @POST
  @Path("handler")
  public Map<String, Boolean> handler(@QueryParam("blocking") boolean blocking) {
    handler.blocking(blocking);
    return Map.of("blocking", handler.blocking());
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

  /**
   * The latency baseline: the same records at the same rate from a plain producer to a plain
   * consumer, on a topic of the run's own.
   */
  @POST
  @Path("latency/plain")
  @Consumes(MediaType.APPLICATION_JSON)
  public LatencyRun latencyPlain(
      @QueryParam("run") String run,
      @QueryParam("rate") int rate,
      @QueryParam("warmup-seconds") int warmupSeconds,
      @QueryParam("seconds") int seconds,
      @QueryParam("drain-seconds") @DefaultValue("120") int drainSeconds,
      byte[] template)
      throws Exception {
    return plainLatency.run(
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

  /** Collections from now on count for the phase {@code name}; without a name, for none. */
  @POST
  @Path("gc/phase")
  public Map<String, String> gcPhase(@QueryParam("name") String name) {
    gc.phase(name == null || name.isEmpty() ? null : name);
    return Map.of("phase", name == null ? "" : name);
  }

  /** Each phase's garbage collections, then the whole run's. */
  @GET
  @Path("gc")
  public List<GcPhase> gcPhases() {
    return gc.phases();
  }

  /** The JVM, versions and the Kafka and Herald settings the scenarios run with. */
  @GET
  @Path("facts")
  public Map<String, Object> facts() {
    Map<String, Object> facts = ServerFacts.collect();
    facts.put("topic", kafka.channel().topic());
    facts.put("channel", kafka.channel().channel());
    facts.put("deadLetterTopic", kafka.channel().deadLetterTopic());
    facts.put("producer", kafka.producer());
    facts.put("consumer", kafka.consumer("(per run)"));
    Map<String, String> herald = new LinkedHashMap<>();
    for (String key :
        new String[] {
          "herald.handlers.disabled",
          "herald.idempotency.store",
          "herald.topics.prefix",
          "herald.consume.max-in-flight"
        }) {
      herald.put(key, config.getOptionalValue(key, String.class).orElse("(default)"));
    }
    facts.put("herald", herald);
    facts.put("heraldChannel", channelSettings(kafka.channel().channel()));
    Map<String, String> bareChannel = channelSettings(BareChannel.CHANNEL);
    bareChannel.put("group.id", bare.group());
    facts.put("bareChannel", bareChannel);
    return facts;
  }

  /**
   * A channel's {@link #CHANNEL_SETTINGS}: its own value, else the connector's, else SmallRye's.
   */
  private Map<String, String> channelSettings(String channel) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String name : CHANNEL_SETTINGS) {
      settings.put(
          name,
          config
              .getOptionalValue("mp.messaging.incoming." + channel + "." + name, String.class)
              .or(() -> config.getOptionalValue(KafkaClients.CONNECTOR_PREFIX + name, String.class))
              .orElse("(default)"));
    }
    return settings;
  }
}
