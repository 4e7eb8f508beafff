package dev.herald.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The databases Herald ships the outbox table's DDL for ({@code h2.sql}, {@code postgresql.sql}
 * next to this class). The relay's own statements are plain SQL with {@code FOR UPDATE SKIP
 * LOCKED}, so another database works when its table is created by hand.
 */
enum Dialect {
  H2("h2.sql"),
  POSTGRESQL("postgresql.sql");

  private final String script;

  Dialect(String script) {
    this.script = script;
  }

  static Optional<Dialect> of(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("h2")) {
      return Optional.of(H2);
    }
    if (product.contains("postgres")) {
      return Optional.of(POSTGRESQL);
    }
    return Optional.empty();
  }

  /** The statements that create the table {@code table} and its bucket table, when missing. */
  List<String> ddl(String table) {
    try (InputStream in = Dialect.class.getResourceAsStream(script)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String withoutComments =
          text.lines()
              .filter(line -> !line.trim().startsWith("--"))
              .reduce("", (a, b) -> a + b + "\n");
      return Arrays.stream(withoutComments.replace("${table}", table).split(";"))
          .map(String::trim)
          .filter(statement -> !statement.isEmpty())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
