package dev.herald.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Deployments;
import dev.herald.testing.DevUser;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.HeraldIT;
import dev.herald.testing.OutboxOrders;
import dev.herald.testing.TestEvents;
import dev.herald.testing.TestPostgres;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The transactional outbox on a real database, H2 (the default, embedded in the server) and
 * PostgreSQL (another service's database, named by a data source of server.xml), each relayed by
 * the server's two relays: commit and rollback through the Java API, concurrent writers with plain
 * SQL, a row committed after a later one, a database restart, and a row that fails and is retried.
 */
@HeraldIT
class OutboxIT {

  private static final Duration KAFKA = Duration.ofSeconds(90);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.herald();
  }

  private final HeraldClient herald = new HeraldClient();
  private final HeraldClient operator = herald.as(DevUser.OPERATOR);
  private final String run = "outbox-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void ready() throws SQLException {
    await("readiness")
        .atMost(Duration.ofSeconds(60))
        .until(() -> herald.get("health/ready").statusCode() == 200);
    for (OutboxDatabases db : OutboxDatabases.values()) {
      db.execute(
          "CREATE TABLE IF NOT EXISTS " + OutboxOrders.ORDERS + " (id VARCHAR(255) PRIMARY KEY)");
    }
  }

  @ParameterizedTest
  @EnumSource(OutboxDatabases.class)
  void aRolledBackTransactionPublishesNothingAndACommittedOneItsEventOnce(OutboxDatabases db)
      throws Exception {
    String refused = run + "-refused";
    String placed = run + "-placed";

    HttpResponse<String> rolledBack = order(db, refused, true);
    HttpResponse<String> committed = order(db, placed, false);

    assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(500);
    assertThat(committed.statusCode()).as(committed.body()).isEqualTo(200);
    try (OutboxTopic topic = new OutboxTopic(TestEvents.TOPIC, run)) {
      List<OutboxTopic.Sent> sent = topic.awaitId(placed, KAFKA);
      assertThat(sent).extracting(OutboxTopic.Sent::id).containsExactly(placed);
      assertThat(sent.get(0).key()).as("keyed by aggregateid").isEqualTo(placed);
    }
    assertThat(db.count("SELECT COUNT(*) FROM " + OutboxOrders.ORDERS + " WHERE id = ?", refused))
        .isZero();
    assertThat(db.status(refused)).as("no outbox row for the rolled-back order").isEmpty();
    await("the published row")
        .atMost(Duration.ofSeconds(10))
        .until(() -> db.status(placed), status -> status.map("PUBLISHED"::equals).orElse(true));
    assertThat(herald.get("metrics?scope=application").body())
        .containsPattern("herald_outbox_published_total\\{[^}]*outbox=\"" + db.source + "\"")
        .containsPattern("herald_outbox_pending\\{[^}]*outbox=\"" + db.source + "\"")
        .containsPattern(
            "herald_outbox_oldest_pending_seconds\\{[^}]*outbox=\"" + db.source + "\"");
  }

  @ParameterizedTest
  @EnumSource(OutboxDatabases.class)
  void eightWritersAndTwoRelaysPublishEveryEventOnceInItsAggregatesOrder(OutboxDatabases db)
      throws Exception {
    int events = 10_000;
    long started = System.nanoTime();
    AggregateWriters.write(db, run, 8, events, 100);
    double writeSeconds = (System.nanoTime() - started) / 1e9;

    List<OutboxTopic.Sent> sent;
    try (OutboxTopic topic = new OutboxTopic(TestEvents.TOPIC, run)) {
      sent = topic.awaitDistinct(events, Duration.ofMinutes(3));
    }
    double allSeconds = (System.nanoTime() - started) / 1e9;

    int duplicates = AggregateWriters.assertEveryEventInItsAggregatesOrder(sent, events, 100);
    System.out.printf(
        "OutboxIT %s: %d events by 8 writers over 100 aggregates written in %.1f s, all on Kafka"
            + " after %.1f s, %d duplicates%n",
        db, events, writeSeconds, allSeconds, duplicates);
  }

  @ParameterizedTest
  @EnumSource(OutboxDatabases.class)
  void aRowCommittedAfterALaterRowIsPublishedToo(OutboxDatabases db) throws Exception {
    String early = run + "-early";
    String late = run + "-late";
    try (Connection first = db.connect();
        Connection second = db.connect();
        OutboxTopic topic = new OutboxTopic(TestEvents.TOPIC, run)) {
      first.setAutoCommit(false);
      second.setAutoCommit(false);
      db.insert(first, early, run + "-a", AggregateWriters.data(early));
      db.insert(second, late, run + "-b", AggregateWriters.data(late));
      assertThat(seq(second, db, late)).isGreaterThan(seq(first, db, early));
      second.commit();

      topic.awaitId(late, KAFKA);
      first.commit();

      List<OutboxTopic.Sent> sent = topic.awaitId(early, KAFKA);
      assertThat(sent).extracting(OutboxTopic.Sent::id).containsExactly(late, early);
    }
  }

  @Test
  void theRelayOutlivesADatabaseRestartAndReadinessIsDownMeanwhile() throws Exception {
    OutboxDatabases db = OutboxDatabases.POSTGRESQL;
    try (Connection connection = db.connect()) {
      connection.setAutoCommit(false);
      for (int i = 0; i < 3000; i++) {
        db.insert(
            connection,
            run + "-before-" + i,
            run + "-" + (i % 10),
            AggregateWriters.data(run + "-" + i));
      }
      connection.commit();
    }
    try {
      TestPostgres.get().stop();
      HttpResponse<String> down = awaitOutbox("DOWN");
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(outboxCheck(down).getJsonObject("data").getString("orders.reason"))
          .contains("orders_outbox");
    } finally {
      TestPostgres.get().start();
    }
    awaitOutbox("UP");
    try (Connection connection = db.connect()) {
      for (int i = 0; i < 1000; i++) {
        db.insert(
            connection,
            run + "-after-" + i,
            run + "-" + (i % 10),
            AggregateWriters.data(run + "-a" + i));
      }
    }
    try (OutboxTopic topic = new OutboxTopic(TestEvents.TOPIC, run)) {
      List<OutboxTopic.Sent> sent = topic.awaitDistinct(4000, KAFKA);
      System.out.printf(
          "OutboxIT: 4000 events across a PostgreSQL restart, %d records (duplicates %d)%n",
          sent.size(), sent.size() - 4000);
    }
  }

  @ParameterizedTest
  @EnumSource(OutboxDatabases.class)
  void anInvalidRowFailsWithItsReasonIsListedAndIsPublishedWhenRetriedAfterAFix(OutboxDatabases db)
      throws Exception {
    String invalid = run + "-invalid";
    String notJson = run + "-not-json";
    try (Connection connection = db.connect()) {
      db.insert(connection, invalid, run + "-x", "{\"messageId\":\"" + invalid + "\"}");
      db.insert(connection, notJson, run + "-y", "{not json");
    }

    await("both rows failed")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                db.status(invalid).equals(Optional.of("FAILED"))
                    && db.status(notJson).equals(Optional.of("FAILED")));
    HttpResponse<String> listed = operator.get("api/outbox/" + db.source + "/failed?limit=1000");
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    Map<String, String> reasons = new HashMap<>();
    for (JsonValue row : HeraldClient.jsonArray(listed.body())) {
      reasons.put(row.asJsonObject().getString("id"), row.asJsonObject().getString("failure"));
    }
    assertThat(reasons.get(invalid)).startsWith("invalid: ").contains("/data");
    assertThat(reasons.get(notJson)).contains("payload is not JSON");
    assertThat(herald.as(DevUser.READER).get("api/outbox/" + db.source + "/failed").statusCode())
        .as("a reader reads the failed rows")
        .isEqualTo(200);
    assertThat(herald.as(DevUser.PUBLISHER).get("api/outbox/" + db.source + "/failed").statusCode())
        .isEqualTo(403);
    assertThat(
            herald
                .as(DevUser.READER)
                .postJson("api/outbox/" + db.source + "/failed/" + invalid + "/retry", "")
                .statusCode())
        .as("a reader may not retry a row")
        .isEqualTo(403);

    db.execute(
        "UPDATE "
            + db.table
            + " SET payload = '"
            + AggregateWriters.data(invalid)
            + "' WHERE id = '"
            + invalid
            + "'");
    HttpResponse<String> retried =
        operator.postJson("api/outbox/" + db.source + "/failed/" + invalid + "/retry", "");
    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);

    try (OutboxTopic topic = new OutboxTopic(TestEvents.TOPIC, run)) {
      assertThat(topic.awaitId(invalid, KAFKA)).extracting(OutboxTopic.Sent::id).contains(invalid);
    }
    HttpResponse<String> again =
        operator.postJson("api/outbox/" + db.source + "/failed/" + invalid + "/retry", "");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(404);
    assertThat(db.status(notJson)).contains("FAILED");
  }

  private static long seq(Connection connection, OutboxDatabases db, String id)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT seq FROM " + db.table + " WHERE id = ?")) {
      select.setString(1, id);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private HttpResponse<String> order(OutboxDatabases db, String id, boolean fail) {
    return herald.postJson(
        "api/test/outbox/" + db.source + "/" + db.datasource + "/orders/" + id + "?fail=" + fail,
        "");
  }

  private HttpResponse<String> awaitOutbox(String status) {
    HttpResponse<String>[] last = new HttpResponse[1];
    await("outbox readiness " + status)
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              last[0] = herald.get("health/ready");
              return status.equals(outboxCheck(last[0]).getString("status"));
            });
    return last[0];
  }

  private static JsonObject outboxCheck(HttpResponse<String> health) {
    return HeraldClient.json(health.body()).getJsonArray("checks").stream()
        .map(JsonValue::asJsonObject)
        .filter(check -> check.getString("name").equals("herald-outbox"))
        .findFirst()
        .orElseThrow();
  }
}
