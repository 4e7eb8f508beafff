package dev.herald;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.CloudEvent;
import dev.herald.api.Violation;
import dev.herald.events.Json;
import dev.herald.rest.EventRequest;
import dev.herald.schemas.SchemaSource;
import dev.herald.schemas.TestCatalog;
import dev.herald.schemas.TypeSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The README's curl examples publish what they say: valid events, or the invalid one it shows; its
 * plain Kafka producer sends the version its data is written for.
 */
class ReadmeExamplesTest {

  private static final Pattern POST =
      Pattern.compile(
          "(#[^\\n]*\\n)?curl -s -u [a-z]+:[a-z]+-dev -XPOST localhost:9080/api/events(/batch)?"
              + " -H 'Content-Type: application/json' -d '(.*?)'",
          Pattern.DOTALL);

  @Test
  void everyPublishedExampleIsValidUnlessItSaysOtherwise() throws IOException {
    Matcher posts = POST.matcher(Files.readString(Path.of("README.md")));
    int examples = 0;
    while (posts.find()) {
      boolean meantInvalid = posts.group(1) != null && posts.group(1).contains("invalid");
      JsonNode body = Json.MAPPER.readTree(posts.group(3));
      List<JsonNode> events = new ArrayList<>();
      if (body.isArray()) {
        body.forEach(events::add);
      } else {
        events.add(body);
      }
      for (JsonNode json : events) {
        List<Violation> violations = violations(json);
        if (meantInvalid) {
          assertThat(violations).as(json.toString()).isNotEmpty();
        } else {
          assertThat(violations).as(json.toString()).isEmpty();
        }
        examples++;
      }
    }
    assertThat(examples).isGreaterThanOrEqualTo(4);
  }

  @Test
  void thePlainProducerExampleSendsTheLatestVersionOfItsType() throws IOException {
    Matcher example =
        Pattern.compile("```java\\n(var record = new ProducerRecord.*?)```", Pattern.DOTALL)
            .matcher(Files.readString(Path.of("README.md")));
    assertThat(example.find()).as("the plain-producer example").isTrue();

    String type = header(example.group(1), "ce_type");
    TypeSchemas schemas = TestCatalog.load(SchemaSource.classpath("schemas"), type);
    assertThat(header(example.group(1), "ce_schemaversion"))
        .isEqualTo(Integer.toString(schemas.latest().version()));
  }

  @Test
  void theWebhookReceiverCompiles(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Matcher example =
        Pattern.compile(
                "```java\\n(@Path\\(\"/herald\"\\)\\npublic class HeraldReceiver.*?)```",
                Pattern.DOTALL)
            .matcher(Files.readString(Path.of("README.md")));
    assertThat(example.find()).as("the webhook receiver example").isTrue();
    Path source = dir.resolve("HeraldReceiver.java");
    Files.writeString(
        source,
        """
        import com.standardwebhooks.Webhook;
        import com.standardwebhooks.exceptions.WebhookVerificationException;
        import jakarta.ws.rs.Consumes;
        import jakarta.ws.rs.POST;
        import jakarta.ws.rs.Path;
        import jakarta.ws.rs.core.Context;
        import jakarta.ws.rs.core.HttpHeaders;
        import jakarta.ws.rs.core.Response;
        """
            + example.group(1));
    assertThat(compile(dir, source)).isEmpty();
  }

  /** Compiles a source file against the test class path; the compiler's errors, or none. */
  private static String compile(Path dir, Path source) {
    javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
    java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
    int status =
        javac.run(
            null,
            null,
            errors,
            "-classpath",
            System.getProperty("java.class.path"),
            "-d",
            dir.toString(),
            source.toString());
    return status == 0 ? "" : errors.toString();
  }

  @Test
  void theOutboxExampleCompiles(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Matcher example =
        Pattern.compile(
                "```java\\n(@ApplicationScoped\\npublic class OrderService.*?)```", Pattern.DOTALL)
            .matcher(Files.readString(Path.of("README.md")));
    assertThat(example.find()).as("the outbox example").isTrue();
    Path source = dir.resolve("OrderService.java");
    Files.writeString(
        source,
        """
        import dev.herald.api.CloudEvent;
        import dev.herald.api.Outbox;
        import jakarta.annotation.Resource;
        import jakarta.enterprise.context.ApplicationScoped;
        import jakarta.inject.Inject;
        import jakarta.transaction.Transactional;
        import java.sql.Connection;
        import java.sql.PreparedStatement;
        import java.sql.SQLException;
        import javax.sql.DataSource;
        import tools.jackson.databind.json.JsonMapper;
        """
            + example.group(1));
    assertThat(compile(dir, source)).isEmpty();
  }

  private static String header(String code, String name) {
    Matcher header =
        Pattern.compile("headers\\(\\)\\.add\\(\"" + name + "\", \"([^\"]*)\"").matcher(code);
    assertThat(header.find()).as(name + " in the plain-producer example").isTrue();
    return header.group(1);
  }

  private static List<Violation> violations(JsonNode json) {
    EventRequest.Result request = EventRequest.read(json);
    if (!request.valid()) {
      return request.violations();
    }
    CloudEvent event = request.event();
    TypeSchemas schemas = TestCatalog.load(SchemaSource.classpath("schemas"), event.type());
    return schemas.latest().validate(event.data());
  }
}
