package dev.herald.stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Deployments;
import dev.herald.testing.DevUser;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.HeraldIT;
import dev.herald.testing.TestBroker;
import dev.herald.testing.TestEvents;
import dev.herald.testing.TestTokens;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The live stream against the running server and broker, read as an SSE client reads it. Each test
 * streams a tenant of its own, so that other tests' events never reach it. The server runs with 200
 * ms heartbeats, at most 40 streams and a 2 s send timeout (arquillian.xml).
 */
@HeraldIT
class StreamIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String TYPE = "analytics.conversation";
  private static final int MAX_CLIENTS = 40;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.herald();
  }

  private final HeraldClient herald = new HeraldClient();
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aStreamResumedWithTheLastIdGetsEveryEventOnceInPartitionOrder() throws Exception {
    String tenant = "resume-" + run;
    String query = "types=" + TYPE + "&tenant=" + tenant;
    Map<String, Long[]> stored;
    List<SseConnection.Message> got = new ArrayList<>();
    try (SseConnection first = connect(query, null)) {
      awaitGreeting(first);
      List<String> events = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        events.add(event(TYPE, run + "-" + i, tenant, "key-" + i));
      }
      stored = publish(events);
      assertThat(stored.values().stream().map(where -> where[0]).distinct()).hasSize(3);
      for (int i = 0; i < 500; i++) {
        got.add(nextEvent(first));
      }
    } // the client goes away with events in flight: those after the 500th are not taken
    String last = got.get(got.size() - 1).id();

    try (SseConnection second = connect(query, last)) {
      assertThat(second.status()).isEqualTo(200);
      Set<String> seen = ids(got);
      while (seen.size() < 1000) {
        SseConnection.Message message = nextEvent(second);
        got.add(message);
        seen.add(id(message));
      }
      String marker = run + "-marker";
      publish(List.of(event(TYPE, marker, tenant, "key-0")));
      SseConnection.Message message;
      while (!id(message = nextEvent(second)).equals(marker)) {
        got.add(message);
      }
    }

    List<String> received = got.stream().map(StreamIT::id).toList();
    assertThat(received).hasSize(1000).doesNotHaveDuplicates();
    assertThat(Set.copyOf(received)).isEqualTo(stored.keySet());
    assertThat(got).allSatisfy(m -> assertThat(m.event()).isEqualTo(TYPE));
    Map<Long, Long> lastOffset = new HashMap<>();
    for (String id : received) {
      Long[] where = stored.get(id);
      Long before = lastOffset.put(where[0], where[1]);
      assertThat(before == null || before < where[1])
          .as("partition %d: offset %d after %d", where[0], where[1], before)
          .isTrue();
    }
  }

  @Test
  void theQueryParameterResumesAsTheHeaderDoesAndTheHeaderWins() throws Exception {
    String tenant = "query-" + run;
    String query = "types=" + TYPE + "&tenant=" + tenant;
    List<SseConnection.Message> got = new ArrayList<>();
    Map<String, Long[]> stored;
    try (SseConnection first = connect(query, null)) {
      awaitGreeting(first);
      List<String> events = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        events.add(event(TYPE, run + "-q" + i, tenant, "key-" + i));
      }
      stored = publish(events);
      for (int i = 0; i < 10; i++) {
        got.add(nextEvent(first));
      }
    }
    String last = got.get(9).id();

    try (SseConnection second =
        connect(query + "&lastEventId=" + URLEncoder.encode(last, UTF_8), null)) {
      while (got.size() < 20) {
        got.add(nextEvent(second));
      }
    }
    try (SseConnection both = connect(query + "&lastEventId=not-a-position", last)) {
      assertThat(both.status()).as("the header wins: %s", both.body()).isEqualTo(200);
      assertThat(ids(List.of(nextEvent(both)))).isSubsetOf(stored.keySet());
    }

    assertThat(got.stream().map(StreamIT::id).toList())
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(stored.keySet());
  }

  @Test
  void aCallerBoundToATenantSeesOnlyItsEventsAndMayNameNoOther() throws Exception {
    String acme = "acme-" + run;
    String globex = "globex-" + run;
    String type = "chat.message.delivered";
    String token =
        "Bearer "
            + TestTokens.forUser("stream-reader-" + run, "reader").claim("tenantid", acme).sign();
    List<String> acmeIds = new ArrayList<>();
    try (SseConnection bound = connectAs("types=" + type, token)) {
      awaitGreeting(bound);
      List<String> events = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        String tenant = i % 2 == 0 ? acme : globex;
        String id = run + "-" + tenant + "-" + i;
        events.add(event(type, id, tenant, "one-key-" + run)); // one partition: in order
        if (tenant.equals(acme)) {
          acmeIds.add(id);
        }
      }
      String marker = run + "-acme-marker";
      events.add(event(type, marker, acme, "one-key-" + run));
      acmeIds.add(marker);
      publish(events);

      List<SseConnection.Message> got = new ArrayList<>();
      do {
        got.add(nextEvent(bound));
      } while (!id(got.get(got.size() - 1)).equals(marker));
      assertThat(got.stream().map(StreamIT::id)).containsExactlyElementsOf(acmeIds);
      assertThat(got).allSatisfy(m -> assertThat(json(m).getString("tenantid")).isEqualTo(acme));
    }

    try (SseConnection other = connectAs("tenant=" + globex, token)) {
      assertThat(other.status()).isEqualTo(403);
      assertThat(other.header("Content-Type")).startsWith("application/problem+json");
      assertThat(other.body()).contains(globex).contains("not among the caller's tenants");
    }
    try (SseConnection own = connectAs("tenant=" + acme, token)) {
      assertThat(own.status()).isEqualTo(200);
    }
  }

  @Test
  void theTypesFilterShowsOnlyItsTypes() throws Exception {
    String tenant = "types-" + run;
    try (SseConnection errors = connect("types=system.*&tenant=" + tenant, null)) {
      awaitGreeting(errors);
      String error = run + "-error";
      String marker = run + "-error-marker";
      publish(
          List.of(
              event("chat.message.delivered", run + "-chat", tenant, "k"),
              event("system.error", error, tenant, "k"),
              event("system.error", marker, tenant, "k")));

      List<SseConnection.Message> got = new ArrayList<>();
      do {
        got.add(nextEvent(errors));
      } while (!id(got.get(got.size() - 1)).equals(marker));
      assertThat(got.stream().map(StreamIT::id)).containsExactly(error, marker);
      assertThat(got).allSatisfy(m -> assertThat(m.event()).isEqualTo("system.error"));
    }
  }

  @Test
  void badRequestsAreProblemsAndNoStreamOpens() throws Exception {
    for (String query :
        List.of(
            "types=chat.**", "types=nothing.we.carry", "lastEventId=v1.!!", "lastEventId=v9.AQ")) {
      try (SseConnection refused = connect(query, null)) {
        assertThat(refused.status()).as(query).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(HeraldClient.json(refused.body()).getString("detail")).isNotBlank();
      }
    }
    try (SseConnection publisher = connectAs("", DevUser.PUBLISHER.basicAuthorization())) {
      assertThat(publisher.status()).isEqualTo(403);
    }
  }

  @Test
  void recordsDeletedUnderAnIdAreAResetEventFirst() throws Exception {
    String type = "chat.message.delivered";
    String tenant = "reset-" + run;
    String query = "types=" + type + "&tenant=" + tenant;
    String key = "reset-" + run;
    String afterFirst;
    Map<String, Long[]> stored;
    try (SseConnection first = connect(query, null)) {
      awaitGreeting(first);
      stored =
          publish(
              List.of(
                  event(type, run + "-r1", tenant, key), event(type, run + "-r2", tenant, key)));
      afterFirst = nextEvent(first).id();
      assertThat(id(nextEvent(first))).isEqualTo(run + "-r2");
    }
    Long[] first = stored.get(run + "-r1");
    Long[] second = stored.get(run + "-r2");
    TopicPartition partition = new TopicPartition(type + ".v1", second[0].intValue());
    try (Admin admin = TestBroker.get().admin()) {
      admin
          .deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(second[1] + 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }

    try (SseConnection resumed = connect(query, afterFirst)) {
      SseConnection.Message reset = nextEvent(resumed);
      assertThat(reset.event()).isEqualTo("reset");
      JsonObject lost = HeraldClient.json(reset.data()).getJsonArray("partitions").getJsonObject(0);
      assertThat(lost.getString("topic")).isEqualTo(partition.topic());
      assertThat(lost.getInt("partition")).isEqualTo(partition.partition());
      assertThat(lost.getJsonNumber("requested").longValue()).isEqualTo(first[1] + 1);
      assertThat(lost.getJsonNumber("resumed").longValue()).isEqualTo(second[1] + 1);
      assertThat(lost.getString("reason")).isEqualTo("deleted");
      assertThat(lost.getJsonNumber("lost").longValue()).isEqualTo(second[1] - first[1]);
      assertThat(Position.decode(reset.id()).offset(partition)).isEqualTo(second[1] + 1);

      publish(List.of(event(type, run + "-r3", tenant, key)));
      assertThat(id(nextEvent(resumed))).isEqualTo(run + "-r3");
    }
  }

  @Test
  void moreStreamsThanAllowedAreRefusedWith503() throws Exception {
    awaitOpenStreams(0);
    long heapBefore = usedHeapAfterGc();
    List<SseConnection> open = new ArrayList<>();
    try {
      for (int i = 0; i < MAX_CLIENTS; i++) {
        SseConnection stream = connect("tenant=full-" + run, null); // every type: 14 topics
        open.add(stream);
        awaitGreeting(stream);
      }
      long heapOpen = usedHeapAfterGc();
      System.out.printf(
          "StreamIT: %d idle streams of every type open: used heap after a full GC %+.1f MB,"
              + " %.0f KB a stream%n",
          MAX_CLIENTS, (heapOpen - heapBefore) / 1e6, (heapOpen - heapBefore) / 1e3 / MAX_CLIENTS);
      try (SseConnection refused = connect("types=system.health_check", null)) {
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("5");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("herald.stream.max-clients");
      }
    } finally {
      for (SseConnection stream : open) {
        stream.close();
      }
    }
    awaitOpenStreams(0);
  }

  /**
   * 1,000 clients that connect, get the stream's first comment and leave: every stream ends, and
   * the server's heap after a full collection is where it was after a warm-up of 50.
   */
  @Test
  void aThousandConnectsAndDisconnectsLeaveNoStreamAndNoHeapBehind() throws Exception {
    awaitOpenStreams(0);
    cycles(50);
    awaitOpenStreams(0);
    long heapBefore = usedHeapAfterGc();
    double openedBefore = metric("herald_stream_opened_total", "");
    long started = System.nanoTime();

    cycles(1000);
    double seconds = (System.nanoTime() - started) / 1e9;
    awaitOpenStreams(0);
    long heapAfter = usedHeapAfterGc();

    System.out.printf(
        "StreamIT: 1000 connect/disconnect cycles in %.1f s; used heap after a full GC %.1f MB"
            + " before, %.1f MB after (%+.1f MB)%n",
        seconds, heapBefore / 1e6, heapAfter / 1e6, (heapAfter - heapBefore) / 1e6);
    assertThat(metric("herald_stream_opened_total", "") - openedBefore).isEqualTo(1000);
    assertThat(metric("herald_stream_open", "")).isZero();
    assertThat(heapAfter - heapBefore).as("heap growth in bytes").isLessThan(HEAP_TOLERANCE);
  }

  @Test
  void aClientThatLeavesIsReleasedByTheHeartbeats() throws Exception {
    awaitOpenStreams(0);
    cycles(1);
    long left = System.nanoTime();

    awaitOpenStreams(0);

    System.out.printf(
        "StreamIT: a client that left was released within %d ms (heartbeat 200 ms, open streams"
            + " read every 50 ms)%n",
        (System.nanoTime() - left) / 1_000_000);
  }

  /** Growth of the used heap after 1,000 streams that still counts as none (GC noise). */
  private static final long HEAP_TOLERANCE = 8 * 1024 * 1024;

  @Test
  void aClientThatNeverReadsIsDroppedAndCounted() throws Exception {
    String tenant = "slow-" + run;
    String type = "chat.conversation.started";
    double droppedBefore = metric("herald_stream_dropped_total", "reason=\"slow\"");
    double openedBefore = metric("herald_stream_opened_total", "");
    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(4096);
      socket.connect(new InetSocketAddress("localhost", herald.base().getPort()), 5000);
      request(socket, "types=" + type + "&tenant=" + tenant);
      await("the slow client's stream opened")
          .atMost(WAIT)
          .until(() -> metric("herald_stream_opened_total", "") > openedBefore);

      String padding = "\"padding\":\"" + "x".repeat(100_000) + "\"";
      long started = System.nanoTime();
      for (int batch = 0; batch < 20; batch++) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          String id = run + "-slow-" + batch + "-" + i;
          events.add(
              TestEvents.example(type, id, tenant, padding)
                  .replaceFirst("\\{", "{\"partitionkey\":\"" + id + "\","));
        }
        publish(events);
      }
      await("the slow client dropped")
          .atMost(WAIT)
          .until(
              () -> metric("herald_stream_dropped_total", "reason=\"slow\"") == droppedBefore + 1);
      System.out.printf(
          "StreamIT: a client that never reads, 10 MB of events: dropped after %.1f s%n",
          (System.nanoTime() - started) / 1e9);
    }
    awaitOpenStreams(0);
  }

  /**
   * Connects, waits for the stream's first comment, leaves; {@code count} times. A stream is
   * released two heartbeats after its client left, so every tenth cycle waits until no more than
   * half the allowed streams are still open, lest a busy machine fill them all.
   */
  private void cycles(int count) throws Exception {
    for (int i = 0; i < count; i++) {
      if (i % 10 == 9) {
        await("streams of clients that left released")
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(50))
            .until(() -> metric("herald_stream_open", "") <= MAX_CLIENTS / 2);
      }
      try (Socket socket = new Socket()) {
        socket.setSoTimeout(30_000);
        socket.connect(new InetSocketAddress("localhost", herald.base().getPort()), 5000);
        request(socket, "types=system.health_check&tenant=cycles-" + run);
        InputStream in = socket.getInputStream();
        StringBuilder seen = new StringBuilder();
        byte[] buffer = new byte[1024];
        while (seen.indexOf("herald live stream") < 0) {
          int read = in.read(buffer);
          assertThat(read).as("the stream's first comment, got %s", seen).isPositive();
          seen.append(new String(buffer, 0, read, UTF_8));
        }
        assertThat(seen.toString()).startsWith("HTTP/1.1 200");
      }
    }
  }

  private void request(Socket socket, String query) throws Exception {
    OutputStream out = socket.getOutputStream();
    out.write(
        ("GET /api/stream?"
                + query
                + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\nAuthorization: "
                + DevUser.ADMIN.basicAuthorization()
                + "\r\n\r\n")
            .getBytes(UTF_8));
    out.flush();
  }

  /** A stream as the development admin, resuming after {@code lastEventId} unless null. */
  private SseConnection connect(String query, String lastEventId) throws Exception {
    return SseConnection.open(
        herald.base().resolve("api/stream?" + query),
        DevUser.ADMIN.basicAuthorization(),
        lastEventId);
  }

  /** A stream as another caller. */
  private SseConnection connectAs(String query, String authorization) throws Exception {
    return SseConnection.open(herald.base().resolve("api/stream?" + query), authorization, null);
  }

  private static void awaitGreeting(SseConnection stream) throws InterruptedException {
    assertThat(stream.status()).as(stream.body()).isEqualTo(200);
    assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
    SseConnection.Message first = stream.next(WAIT);
    assertThat(first).isNotNull();
    assertThat(first.comment()).isEqualTo("herald live stream");
  }

  private static SseConnection.Message nextEvent(SseConnection stream) throws InterruptedException {
    SseConnection.Message message = stream.nextEvent(WAIT);
    assertThat(message).as("an event within %s", WAIT).isNotNull();
    return message;
  }

  /** Publishes events in batches of 100: each event's id with its partition and offset. */
  private Map<String, Long[]> publish(List<String> events) {
    Map<String, Long[]> stored = new LinkedHashMap<>();
    for (int from = 0; from < events.size(); from += 100) {
      String batch =
          events.subList(from, Math.min(events.size(), from + 100)).stream()
              .collect(Collectors.joining(",", "[", "]"));
      HttpResponse<String> response = herald.postJson("api/events/batch", batch);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
      HeraldClient.json(response.body())
          .getJsonArray("results")
          .forEach(
              result -> {
                JsonObject receipt = result.asJsonObject();
                stored.put(
                    receipt.getString("id"),
                    new Long[] {
                      (long) receipt.getInt("partition"),
                      receipt.getJsonNumber("offset").longValue()
                    });
              });
    }
    return stored;
  }

  /** An event of a type with its example data, its {@code partitionkey} choosing its partition. */
  private static String event(String type, String id, String tenant, String key) {
    return TestEvents.example(type, id, tenant)
        .replaceFirst("\\{", "{\"partitionkey\":\"" + key + "\",");
  }

  private static JsonObject json(SseConnection.Message message) {
    return HeraldClient.json(message.data());
  }

  private static String id(SseConnection.Message message) {
    return json(message).getString("id");
  }

  private static Set<String> ids(List<SseConnection.Message> messages) {
    return messages.stream().map(StreamIT::id).collect(Collectors.toCollection(HashSet::new));
  }

  private void awaitOpenStreams(int count) {
    await("open streams back to " + count)
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> metric("herald_stream_open", "") == count);
  }

  /** A value of {@code /metrics}: the first line of the name whose labels contain {@code label}. */
  private double metric(String name, String label) {
    Matcher line =
        Pattern.compile("^" + name + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE)
            .matcher(herald.get("metrics").body());
    while (line.find()) {
      if (line.group(1).contains(label)) {
        return Double.parseDouble(line.group(2));
      }
    }
    throw new AssertionError("no metric " + name + " with " + label);
  }

  /** The Arquillian server's process: the JVM that runs this build's Liberty. */
  private static long serverPid() {
    String wlp =
        Path.of(System.getProperty("herald.wlp", "target/liberty/wlp")).toAbsolutePath().toString();
    List<ProcessHandle> servers =
        ProcessHandle.allProcesses()
            .filter(
                process ->
                    process
                        .info()
                        .commandLine()
                        .filter(line -> line.contains(wlp) && line.contains("ws-server.jar"))
                        .isPresent())
            .toList();
    assertThat(servers).as("the Liberty server under %s", wlp).hasSize(1);
    return servers.get(0).pid();
  }

  /** The server's used heap after two full collections, run in its JVM by {@code jcmd}. */
  private long usedHeapAfterGc() throws Exception {
    String pid = String.valueOf(serverPid());
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    for (int i = 0; i < 2; i++) {
      Process gc = new ProcessBuilder(jcmd, pid, "GC.run").redirectErrorStream(true).start();
      gc.getInputStream().transferTo(OutputStream.nullOutputStream());
      assertThat(gc.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(gc.exitValue()).isZero();
    }
    return (long) metric("memory_usedHeap_bytes", "");
  }
}
