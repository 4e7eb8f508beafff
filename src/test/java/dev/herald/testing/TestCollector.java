package dev.herald.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP receiver in the test JVM, where the IT server exports its spans ({@code
 * otel.exporter.otlp.traces.endpoint} in arquillian.xml): started once, before Liberty, so that no
 * export fails. Keeps the latest {@value #KEPT} spans.
 */
public final class TestCollector {

  static final int KEPT = 200_000;

  /** A span as exported, with hex ids and string attributes. */
  public record ExportedSpan(
      String traceId,
      String spanId,
      String parentSpanId,
      String name,
      String kind,
      Map<String, String> attributes,
      List<String> linkedTraceIds,
      String service,
      boolean error) {

    public String attribute(String key) {
      return attributes.get(key);
    }
  }

  private static TestCollector instance;

  private final ConcurrentLinkedDeque<ExportedSpan> spans = new ConcurrentLinkedDeque<>();
  private final AtomicInteger size = new AtomicInteger();
  private final HttpServer server;

  private TestCollector(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
    server.createContext("/v1/traces", this::traces);
    server.start();
  }

  /** The receiver, started on first use on {@code herald.otlp.port} (14318). */
  public static synchronized TestCollector get() {
    if (instance == null) {
      try {
        instance = new TestCollector(Integer.getInteger("herald.otlp.port", 14318));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the tests' OTLP receiver", e);
      }
    }
    return instance;
  }

  /** The spans received so far of one trace. */
  public List<ExportedSpan> trace(String traceId) {
    return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
  }

  /** The spans received so far whose attribute {@code key} is {@code value}. */
  public List<ExportedSpan> withAttribute(String key, String value) {
    return spans.stream().filter(span -> value.equals(span.attribute(key))).toList();
  }

  private void traces(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = body(exchange)) {
        body = in.readAllBytes();
      }
      ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
      for (ResourceSpans resource : request.getResourceSpansList()) {
        String service = service(resource.getResource());
        for (ScopeSpans scope : resource.getScopeSpansList()) {
          for (Span span : scope.getSpansList()) {
            keep(of(span, service));
          }
        }
      }
      byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
      exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, response.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response);
      }
    }
  }

  private static InputStream body(HttpExchange exchange) throws IOException {
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    return "gzip".equalsIgnoreCase(encoding)
        ? new GZIPInputStream(exchange.getRequestBody())
        : exchange.getRequestBody();
  }

  private void keep(ExportedSpan span) {
    spans.addLast(span);
    if (size.incrementAndGet() > KEPT && spans.pollFirst() != null) {
      size.decrementAndGet();
    }
  }

  private static ExportedSpan of(Span span, String service) {
    HexFormat hex = HexFormat.of();
    Map<String, String> attributes = new LinkedHashMap<>();
    for (KeyValue attribute : span.getAttributesList()) {
      attributes.put(attribute.getKey(), text(attribute.getValue()));
    }
    List<String> links = new ArrayList<>();
    span.getLinksList().forEach(link -> links.add(hex.formatHex(link.getTraceId().toByteArray())));
    return new ExportedSpan(
        hex.formatHex(span.getTraceId().toByteArray()),
        hex.formatHex(span.getSpanId().toByteArray()),
        hex.formatHex(span.getParentSpanId().toByteArray()),
        span.getName(),
        span.getKind().name(),
        attributes,
        links,
        service,
        span.getStatus().getCode().getNumber() == 2);
  }

  private static String service(Resource resource) {
    for (KeyValue attribute : resource.getAttributesList()) {
      if (attribute.getKey().equals("service.name")) {
        return text(attribute.getValue());
      }
    }
    return null;
  }

  private static String text(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> value.getStringValue();
      case INT_VALUE -> Long.toString(value.getIntValue());
      case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
      case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
      default -> value.toString();
    };
  }
}
