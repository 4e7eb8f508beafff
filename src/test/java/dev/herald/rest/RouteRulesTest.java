package dev.herald.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.rest.RouteRules.Route;
import dev.herald.rest.RouteRules.Rule;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every route of {@code /api} has a rule in {@link RouteRules}, and its annotations follow it. */
class RouteRulesTest {

  private final List<Route> routes = RouteRules.declared();

  @Test
  void theResourcesDeclareRoutes() {
    assertThat(routes).hasSizeGreaterThan(20);
  }

  @Test
  void everyRouteHasARuleAndItsRolesAreTheRules() {
    Map<String, Rule> rules =
        RouteRules.RULES.stream().collect(Collectors.toMap(RouteRulesTest::key, r -> r));
    for (Route route : routes) {
      Rule rule = rules.get(route.method() + " " + route.path());
      assertThat(rule)
          .as(
              "%s %s (%s) has no rule in RouteRules: give it @RolesAllowed and a row there and in"
                  + " the README's Security table",
              route.method(), route.path(), route.handler())
          .isNotNull();
      assertThat(route.roles())
          .as("roles of %s %s (%s)", route.method(), route.path(), route.handler())
          .isEqualTo(rule.roles());
    }
  }

  @Test
  void everyRuleNamesARoute() {
    Map<String, Route> declared =
        routes.stream().collect(Collectors.toMap(r -> r.method() + " " + r.path(), r -> r));
    assertThat(RouteRules.RULES)
        .allSatisfy(
            rule ->
                assertThat(declared)
                    .as("a resource method for the rule %s", key(rule))
                    .containsKey(key(rule)));
    assertThat(RouteRules.RULES.stream().map(RouteRulesTest::key).distinct()).hasSameSizeAs(routes);
  }

  @Test
  void theAdminMayCallEveryRoute() {
    assertThat(RouteRules.RULES).allSatisfy(rule -> assertThat(rule.roles()).contains("admin"));
  }

  @Test
  void aForbiddenCallerIsToldTheRoutesRoles() throws NoSuchMethodException {
    assertThat(WebApplicationExceptionMapper.forbidden(StatsResource.class.getMethod("stats")))
        .isEqualTo(
            "Forbidden: this route needs role reader, operator or admin; the caller's user is in"
                + " none of these groups");
    assertThat(
            WebApplicationExceptionMapper.forbidden(
                ChannelsResource.class.getMethod("pause", String.class, SecurityContext.class)))
        .startsWith("Forbidden: this route needs role operator or admin;");
  }

  @Test
  void everyReadAllowsReadersOperatorsAndTheAdminAndEveryActionNoReader() {
    assertThat(RouteRules.RULES)
        .filteredOn(rule -> rule.method().equals("GET"))
        .hasSizeGreaterThan(20)
        .allSatisfy(
            rule ->
                assertThat(rule.roles())
                    .as("roles of %s", key(rule))
                    .contains(Roles.READER, Roles.OPERATOR, Roles.ADMIN));
    // the schema check reads the catalog and changes nothing: the one POST a reader may send
    assertThat(RouteRules.RULES)
        .filteredOn(rule -> !rule.method().equals("GET") && rule.roles().contains(Roles.READER))
        .extracting(RouteRulesTest::key)
        .containsExactly("POST /api/schemas/{type}/check");
  }

  @Test
  void everyReadmeCurlOfTheApiLogsInAsAUserTheRouteAllows() throws IOException {
    Matcher curls = README_CURL.matcher(Files.readString(Path.of("README.md")));
    int checked = 0;
    while (curls.find()) {
      String call = curls.group();
      String method = curls.group(2) == null ? "GET" : curls.group(2);
      String path = curls.group(3);
      Rule rule =
          RouteRules.RULES.stream()
              .filter(r -> r.method().equals(method) && path.matches(template(r.path())))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no rule for the README's " + call));
      String user = curls.group(1);
      assertThat(user).as("user of the README's %s", call).isNotNull();
      assertThat(rule.roles()).as("roles of the README's %s", call).contains(user.split(":")[0]);
      assertThat(user).as("a development user's password").isEqualTo(developmentLogin(user));
      checked++;
    }
    assertThat(checked).isGreaterThan(20);
  }

  /** A curl of the README that calls {@code /api}: its user, method and path. */
  private static final Pattern README_CURL =
      Pattern.compile("curl -s[iN]*(?: -u (\\S+))?(?: -X(\\w+))? '?localhost:9080(/api/[^\\s'?]*)");

  private static String template(String path) {
    return path.replaceAll("\\{[^}]+}", "[^/]+");
  }

  private static String developmentLogin(String user) {
    String name = user.split(":")[0];
    return name + ":" + name + "-dev";
  }

  private static String key(Rule rule) {
    return rule.method() + " " + rule.path();
  }
}
