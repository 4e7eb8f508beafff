package dev.herald.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Liberty's request header limits in {@code server.xml} are those the README's "Input limits" table
 * states, and {@code BadInputIT}'s odd headers are over them.
 */
class HttpOptionsTest {

  private final Element options = element("httpOptions");

  @Test
  void theEndpointUsesTheHeraldsHttpOptions() {
    assertThat(element("httpEndpoint").getAttribute("httpOptionsRef"))
        .isEqualTo(options.getAttribute("id"));
  }

  @Test
  void theReadmeStatesTheLimits() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    assertThat(fieldSize()).isEqualTo(16 * 1024);
    assertThat(readme)
        .contains("| one request header (name or value) | 16 KiB | `limitFieldSize` of")
        .contains("| request headers | " + numHeaders() + " | `limitNumHeaders` of");
  }

  @Test
  void theOddHeadersOfBadInputItAreOverTheLimits() {
    Map<String, String> large = OddValues.ODD_HEADERS.get("a 20 KB header");
    assertThat(large.values()).allSatisfy(v -> assertThat(v.length()).isGreaterThan(fieldSize()));
    assertThat(OddValues.ODD_HEADERS.get("120 headers")).hasSizeGreaterThan(numHeaders());
  }

  private int fieldSize() {
    return Integer.parseInt(options.getAttribute("limitFieldSize"));
  }

  private int numHeaders() {
    return Integer.parseInt(options.getAttribute("limitNumHeaders"));
  }

  private static Element element(String name) {
    try {
      Document server =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(Path.of("server.xml").toFile());
      return (Element) server.getElementsByTagName(name).item(0);
    } catch (Exception e) {
      throw new IllegalStateException("server.xml", e);
    }
  }
}
