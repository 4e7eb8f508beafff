package dev.herald.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.DevUser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The development users exist where the README says (mvn -Prun and the integration tests), as the
 * test client knows them, and never in the production server.xml.
 */
class DevUsersTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "src/dev/liberty/configDropins/overrides/dev-users.xml",
        "src/test/liberty/configDropins/overrides/dev-users.xml"
      })
  void eachDevelopmentUserIsAloneInTheGroupOfItsRole(String file) throws Exception {
    Element registry = registry(parse(file));

    Map<String, String> expectedUsers = new LinkedHashMap<>();
    Map<String, List<String>> expectedGroups = new LinkedHashMap<>();
    for (DevUser user : DevUser.values()) {
      expectedUsers.put(user.username(), user.password());
      expectedGroups.put(user.username(), List.of(user.username()));
    }
    assertThat(users(registry)).isEqualTo(expectedUsers);
    assertThat(groups(registry)).isEqualTo(expectedGroups);
    assertThat(expectedGroups.keySet())
        .containsExactlyInAnyOrder(Roles.PUBLISHER, Roles.READER, Roles.OPERATOR, Roles.ADMIN);
  }

  @Test
  void theProductionServerHasAnEmptyRegistryOfTheSameId() throws Exception {
    Element registry = registry(parse("server.xml"));

    assertThat(users(registry)).isEmpty();
    assertThat(groups(registry)).isEmpty();
    assertThat(registry.getAttribute("id"))
        .isEqualTo(
            registry(parse("src/dev/liberty/configDropins/overrides/dev-users.xml"))
                .getAttribute("id"));
  }

  private static Document parse(String file) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of(file).toFile());
  }

  private static Element registry(Document server) {
    NodeList registries = server.getElementsByTagName("basicRegistry");
    assertThat(registries.getLength()).as("basicRegistry elements").isEqualTo(1);
    return (Element) registries.item(0);
  }

  private static Map<String, String> users(Element registry) {
    Map<String, String> users = new LinkedHashMap<>();
    elements(registry, "user")
        .forEach(user -> users.put(user.getAttribute("name"), user.getAttribute("password")));
    return users;
  }

  private static Map<String, List<String>> groups(Element registry) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    elements(registry, "group")
        .forEach(
            group ->
                groups.put(
                    group.getAttribute("name"),
                    elements(group, "member").map(m -> m.getAttribute("name")).toList()));
    return groups;
  }

  private static Stream<Element> elements(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    List<Element> found = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      found.add((Element) nodes.item(i));
    }
    return found.stream();
  }
}
