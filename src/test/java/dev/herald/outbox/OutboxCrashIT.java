package dev.herald.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.CrashServer;
import dev.herald.testing.Deployments;
import dev.herald.testing.EffectCounter;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.HeraldIT;
import dev.herald.testing.TestEvents;
import dev.herald.testing.TestPostgres;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A second server beside the Arquillian one, both relaying the tests' PostgreSQL outbox {@code
 * orders_outbox}: two servers with two relays each keep every aggregate's order; then the second
 * server, killed with SIGKILL while its relay sends a table of its own, publishes every row after
 * its restart, and a consumer with the JDBC idempotency store (the Arquillian server, never killed)
 * applies each event once. The second server consumes the event types in groups of its own.
 */
@HeraldIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutboxCrashIT {

  private static final int ROWS = 12_000;
  private static final String TABLE = "crash_outbox";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.herald();
  }

  private final String run = "outbox-crash-" + UUID.randomUUID().toString().substring(0, 8) + "-";
  private CrashServer server;

  @BeforeAll
  void startSecondServer() {
    server =
        new CrashServer(
            9180,
            List.of(
                "herald.outbox.sources=orders,crash",
                "herald.outbox.datasource=jdbc/orders",
                "herald.outbox.orders.table=orders_outbox",
                "herald.outbox.orders.retention-minutes=0",
                "herald.outbox.crash.table=" + TABLE,
                "mp.messaging.incoming.chat-user-session-ended.group.id=" + run + "killed",
                "mp.messaging.incoming.chat-message-received.group.id=" + run + "second",
                "mp.messaging.connector.smallrye-kafka.session.timeout.ms=6000",
                "mp.messaging.connector.smallrye-kafka.graceful-shutdown=false"));
    server.start();
    server.awaitReady();
  }

  @AfterAll
  void stopSecondServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void twoServersWithTwoRelaysEachKeepEveryAggregatesOrder() throws Exception {
    HeraldClient first = new HeraldClient();
    HeraldClient second = new HeraldClient(server.httpPort());
    double firstBefore = published(first);
    double secondBefore = published(second);
    int events = 10_000;

    AggregateWriters.write(OutboxDatabases.POSTGRESQL, run + "two", 8, events, 100);
    List<OutboxTopic.Sent> sent;
    try (OutboxTopic topic = new OutboxTopic(TestEvents.TOPIC, run + "two")) {
      sent = topic.awaitDistinct(events, Duration.ofMinutes(3));
    }

    int duplicates = AggregateWriters.assertEveryEventInItsAggregatesOrder(sent, events, 100);
    double byFirst = published(first) - firstBefore;
    double bySecond = published(second) - secondBefore;
    assertThat(byFirst).as("rows the Arquillian server published").isPositive();
    assertThat(bySecond).as("rows the second server published").isPositive();
    System.out.printf(
        "OutboxCrashIT: %d events by 8 writers, relayed by two servers (%.0f and %.0f rows), %d"
            + " duplicates%n",
        events, byFirst, bySecond, duplicates);
  }

  @Test
  @Order(2)
  void aServerKilledInTheMiddleOfABatchLosesNothingAndItsDuplicatesAreAbsorbed() throws Exception {
    HeraldClient consumer = new HeraldClient();
    hold(ROWS);

    execute("UPDATE " + TABLE + " SET status = 'PENDING' WHERE status = 'HOLD'");
    await("two thousand rows published")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(5))
        .until(() -> count("PUBLISHED") >= 2000);
    server.kill();
    long publishedAtKill = count("PUBLISHED");
    long pendingAtKill = count("PENDING");

    assertThat(pendingAtKill).as("killed before the relay sent everything").isPositive();
    server.start();
    server.awaitReady();
    await("every row published after the restart")
        .atMost(Duration.ofSeconds(120))
        .until(() -> count("PUBLISHED") == ROWS);

    int records;
    try (OutboxTopic topic = new OutboxTopic(EffectCounter.TYPE + ".v1", run)) {
      records = topic.awaitDistinct(ROWS, Duration.ofSeconds(120)).size();
    }
    JsonObject[] effects = new JsonObject[1];
    await("every event applied by the consumer")
        .atMost(Duration.ofSeconds(180))
        .until(
            () -> {
              effects[0] = HeraldClient.json(consumer.get("api/test/effects/" + run).body());
              return effects[0].getJsonNumber("distinct").longValue() == ROWS;
            });
    assertThat(effects[0].getJsonNumber("total").longValue())
        .as("each event applied once, its duplicates skipped by the idempotency store")
        .isEqualTo(ROWS);
    assertThat(count("FAILED")).isZero();
    System.out.printf(
        "OutboxCrashIT: %d rows; killed with %d published and %d pending; %d records on Kafka"
            + " (%d duplicates); %d effects for %d events%n",
        ROWS,
        publishedAtKill,
        pendingAtKill,
        records,
        records - ROWS,
        effects[0].getJsonNumber("total").longValue(),
        effects[0].getJsonNumber("distinct").longValue());
  }

  /** Rows this server's relays published from {@code orders_outbox}, from its metrics. */
  private static double published(HeraldClient herald) {
    Matcher value =
        Pattern.compile("herald_outbox_published_total\\{[^}]*outbox=\"orders\"[^}]*\\} ([0-9.E]+)")
            .matcher(herald.get("metrics?scope=application").body());
    return value.find() ? Double.parseDouble(value.group(1)) : 0;
  }

  /** Rows written aside ({@code HOLD}), so that they become pending all at once. */
  private void hold(int rows) throws SQLException {
    String data = TestEvents.exampleData(EffectCounter.TYPE, "valid");
    try (Connection connection = TestPostgres.get().connect()) {
      connection.setAutoCommit(false);
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO "
                  + TABLE
                  + " (id, aggregatetype, aggregateid, type, payload, source, tenantid, status)"
                  + " VALUES (?, 'session', ?, ?, ?, '/crash', 'acme', 'HOLD')")) {
        for (int i = 0; i < rows; i++) {
          String id = run + i;
          insert.setString(1, id);
          insert.setString(2, "session-" + (i % 200));
          insert.setString(3, EffectCounter.TYPE);
          insert.setString(4, data);
          insert.addBatch();
          if (i % 1000 == 999) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      connection.commit();
    }
  }

  private long count(String status) throws SQLException {
    try (Connection connection = TestPostgres.get().connect();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT COUNT(*) FROM " + TABLE + " WHERE status = ? AND id LIKE ?")) {
      select.setString(1, status);
      select.setString(2, run + "%");
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = TestPostgres.get().connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
