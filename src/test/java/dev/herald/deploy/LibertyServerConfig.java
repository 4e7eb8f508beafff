package dev.herald.deploy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Liberty's configuration as a server started with some environment sees it: {@code server.xml} and
 * the files added to {@code configDropins/overrides}, with {@code ${...}} resolved as Liberty
 * resolves them (a variable's value, else an environment variable of that name, with {@code _} for
 * {@code .}, else its default).
 */
final class LibertyServerConfig {

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

  private final List<Document> documents;
  private final Map<String, String> environment;

  private LibertyServerConfig(List<Document> documents, Map<String, String> environment) {
    this.documents = documents;
    this.environment = Map.copyOf(environment);
  }

  /** {@code server.xml} of the project, then each override in order, in {@code environment}. */
  static LibertyServerConfig read(
      Path serverXml, List<String> overrides, Map<String, String> environment) throws Exception {
    List<Document> documents = new ArrayList<>();
    documents.add(parse(Files.readString(serverXml)));
    for (String override : overrides) {
      documents.add(parse(override));
    }
    return new LibertyServerConfig(documents, environment);
  }

  /** The default HTTP endpoint's port, e.g. {@code 9080}; -1 when HTTP is off. */
  int httpPort() {
    return Integer.parseInt(resolve(endpointAttribute("httpPort")));
  }

  /** The default HTTP endpoint's HTTPS port, e.g. {@code 9443}. */
  int httpsPort() {
    return Integer.parseInt(resolve(endpointAttribute("httpsPort")));
  }

  /** Every {@code <dataSource>} of every file, with its attributes and children unresolved. */
  List<Element> dataSources() {
    return elements("dataSource");
  }

  /** {@code text} with every {@code ${...}} replaced; fails on one that nothing defines. */
  String resolve(String text) {
    Matcher references = REFERENCE.matcher(text);
    StringBuilder resolved = new StringBuilder();
    while (references.find()) {
      String name = references.group(1);
      String value =
          variable(name)
              .orElseThrow(() -> new AssertionError("nothing defines ${" + name + "}: " + text));
      references.appendReplacement(resolved, Matcher.quoteReplacement(resolve(value)));
    }
    return references.appendTail(resolved).toString();
  }

  private Optional<String> variable(String name) {
    if (name.startsWith("env.")) {
      return Optional.ofNullable(environment.get(name.substring("env.".length())));
    }
    Map<String, String> values = new HashMap<>();
    Map<String, String> defaults = new HashMap<>();
    for (Element variable : elements("variable")) {
      if (variable.hasAttribute("value")) {
        values.put(variable.getAttribute("name"), variable.getAttribute("value"));
      }
      if (variable.hasAttribute("defaultValue")) {
        defaults.put(variable.getAttribute("name"), variable.getAttribute("defaultValue"));
      }
    }
    String inEnvironment = environment.get(name.replaceAll("[^A-Za-z0-9]", "_"));
    return Optional.ofNullable(values.get(name))
        .or(() -> Optional.ofNullable(inEnvironment))
        .or(() -> Optional.ofNullable(defaults.get(name)));
  }

  /** An attribute of the default endpoint, as the last file that sets it says (they merge). */
  private String endpointAttribute(String attribute) {
    return elements("httpEndpoint").stream()
        .filter(e -> "defaultHttpEndpoint".equals(e.getAttribute("id")))
        .filter(e -> e.hasAttribute(attribute))
        .reduce((first, later) -> later)
        .map(e -> e.getAttribute(attribute))
        .orElseThrow(() -> new AssertionError("no defaultHttpEndpoint sets " + attribute));
  }

  private List<Element> elements(String tag) {
    List<Element> found = new ArrayList<>();
    for (Document document : documents) {
      NodeList nodes = document.getElementsByTagName(tag);
      for (int i = 0; i < nodes.getLength(); i++) {
        found.add((Element) nodes.item(i));
      }
    }
    return found;
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
