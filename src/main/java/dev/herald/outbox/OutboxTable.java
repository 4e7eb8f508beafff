package dev.herald.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The statements on one outbox table. Rows are claimed by bucket: {@code bucket} is a hash of
 * {@code aggregateid} computed by the database, and a relay locks the rows of the bucket table for
 * the buckets it publishes ({@code FOR UPDATE SKIP LOCKED}) until its transaction ends, so one
 * aggregate's rows are only ever sent by one relay at a time, in {@code seq} order. Rows are never
 * read by a high-water mark: a row whose transaction commits late is still pending and is sent by
 * the next round.
 */
final class OutboxTable {

  static final int BUCKETS = 32;

  private static final String COLUMNS =
      "seq, id, aggregatetype, aggregateid, type, payload, source, eventtime, subject,"
          + " schemaversion, tenantid, extensions, created_at, status, attempts, failure";

  private final String table;

  OutboxTable(String table) {
    this.table = table;
  }

  String name() {
    return table;
  }

  /** Creates the table when it is missing; false when Herald has no DDL for the database. */
  boolean create(Connection connection) throws SQLException {
    Optional<Dialect> dialect = Dialect.of(connection);
    if (dialect.isEmpty()) {
      return false;
    }
    try (Statement statement = connection.createStatement()) {
      for (String ddl : dialect.get().ddl(table)) {
        statement.execute(ddl);
      }
    }
    return true;
  }

  void insert(Connection connection, OutboxRow row) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO "
                + table
                + " (id, aggregatetype, aggregateid, type, payload, source, eventtime, subject,"
                + " schemaversion, tenantid, extensions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, row.id());
      insert.setString(2, row.aggregatetype());
      insert.setString(3, row.aggregateid());
      insert.setString(4, row.type());
      insert.setString(5, row.payload());
      insert.setString(6, row.source());
      insert.setObject(7, row.eventtime());
      insert.setString(8, row.subject());
      insert.setString(9, row.schemaversion());
      insert.setString(10, row.tenantid());
      insert.setString(11, row.extensions());
      insert.executeUpdate();
    }
  }

  /**
   * Locks the free buckets among {@code count} consecutive ones from {@code first} (wrapping), for
   * the transaction under way; buckets another relay holds are skipped.
   */
  List<Integer> claimBuckets(Connection connection, int first, int count) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT bucket FROM "
                + table
                + "_buckets WHERE MOD(bucket + ?, ?) < ? FOR UPDATE SKIP LOCKED")) {
      select.setInt(1, BUCKETS - Math.floorMod(first, BUCKETS));
      select.setInt(2, BUCKETS);
      select.setInt(3, count);
      List<Integer> buckets = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          buckets.add(rows.getInt(1));
        }
      }
      return buckets;
    }
  }

  /**
   * The oldest pending rows of these buckets, at most {@code limit}, in {@code seq} order: each
   * bucket's oldest rows are read through the pending index (one ordered scan per bucket, which
   * stops at the limit however long the backlog), then the first {@code limit} of them by {@code
   * seq} are kept, which is a prefix of each bucket's rows.
   */
  List<OutboxRow> pending(Connection connection, List<Integer> buckets, int limit)
      throws SQLException {
    if (buckets.isEmpty()) {
      return List.of();
    }
    String perBucket =
        "(SELECT "
            + COLUMNS
            + " FROM "
            + table
            + " WHERE status = 'PENDING' AND bucket = ? ORDER BY seq LIMIT ?)";
    try (PreparedStatement select =
        connection.prepareStatement(
            String.join(" UNION ALL ", Collections.nCopies(buckets.size(), perBucket)))) {
      int i = 1;
      for (int bucket : buckets) {
        select.setInt(i++, bucket);
        select.setInt(i++, limit);
      }
      List<OutboxRow> rows = new ArrayList<>(rows(select));
      rows.sort(Comparator.comparingLong(OutboxRow::seq));
      return rows.size() > limit ? List.copyOf(rows.subList(0, limit)) : rows;
    }
  }

  /** Marks rows published, or deletes them when nothing is retained. */
  void published(Connection connection, List<Long> seqs, boolean delete) throws SQLException {
    for (int from = 0; from < seqs.size(); from += 1000) {
      List<Long> chunk = seqs.subList(from, Math.min(seqs.size(), from + 1000));
      String where = " WHERE seq IN (" + placeholders(chunk.size()) + ")";
      try (PreparedStatement update =
          connection.prepareStatement(
              delete
                  ? "DELETE FROM " + table + where
                  : "UPDATE "
                      + table
                      + " SET status = 'PUBLISHED', published_at = CURRENT_TIMESTAMP,"
                      + " attempts = attempts + 1, failure = NULL"
                      + where)) {
        int i = 1;
        for (long seq : chunk) {
          update.setLong(i++, seq);
        }
        update.executeUpdate();
      }
    }
  }

  void failed(Connection connection, long seq, String reason) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE "
                + table
                + " SET status = 'FAILED', failure = ?, attempts = attempts + 1 WHERE seq = ?")) {
      update.setString(1, reason.length() > 4000 ? reason.substring(0, 3997) + "..." : reason);
      update.setLong(2, seq);
      update.executeUpdate();
    }
  }

  /** Failed rows, oldest first, from {@code afterSeq} on. */
  List<OutboxRow> failedRows(Connection connection, long afterSeq, int limit) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM "
                + table
                + " WHERE status = 'FAILED' AND seq > ? ORDER BY seq LIMIT ?")) {
      select.setLong(1, afterSeq);
      select.setInt(2, limit);
      return rows(select);
    }
  }

  Optional<OutboxRow> row(Connection connection, String id) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " WHERE id = ?")) {
      select.setString(1, id);
      return rows(select).stream().findFirst();
    }
  }

  /** Makes a failed row pending again; false when no failed row has that id. */
  boolean retry(Connection connection, String id) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE "
                + table
                + " SET status = 'PENDING', failure = NULL WHERE id = ? AND status = 'FAILED'")) {
      update.setString(1, id);
      return update.executeUpdate() > 0;
    }
  }

  /** Rows pending, the oldest one's creation, rows failed. */
  OutboxCounts counts(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      long pending;
      Instant oldest = null;
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT COUNT(*), MIN(created_at) FROM " + table + " WHERE status = 'PENDING'")) {
        rows.next();
        pending = rows.getLong(1);
        OffsetDateTime created = rows.getObject(2, OffsetDateTime.class);
        oldest = created == null ? null : created.toInstant();
      }
      try (ResultSet rows =
          statement.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE status = 'FAILED'")) {
        rows.next();
        return new OutboxCounts(pending, oldest, rows.getLong(1));
      }
    }
  }

  /** Deletes up to {@code limit} published rows older than {@code before}; returns how many. */
  int purge(Connection connection, Instant before, int limit) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM "
                + table
                + " WHERE seq IN (SELECT seq FROM "
                + table
                + " WHERE status = 'PUBLISHED' AND published_at < ? ORDER BY seq LIMIT ?)")) {
      delete.setTimestamp(1, Timestamp.from(before));
      delete.setInt(2, limit);
      return delete.executeUpdate();
    }
  }

  private static List<OutboxRow> rows(PreparedStatement select) throws SQLException {
    List<OutboxRow> rows = new ArrayList<>();
    try (ResultSet result = select.executeQuery()) {
      while (result.next()) {
        OffsetDateTime created = result.getObject(13, OffsetDateTime.class);
        rows.add(
            new OutboxRow(
                result.getLong(1),
                result.getString(2),
                result.getString(3),
                result.getString(4),
                result.getString(5),
                result.getString(6),
                result.getString(7),
                result.getObject(8, OffsetDateTime.class),
                result.getString(9),
                result.getString(10),
                result.getString(11),
                result.getString(12),
                created == null ? null : created.toInstant(),
                result.getString(14),
                result.getInt(15),
                result.getString(16)));
      }
    }
    return rows;
  }

  private static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }
}
