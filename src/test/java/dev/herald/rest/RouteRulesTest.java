package dev.herald.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.rest.RouteRules.Route;
import dev.herald.rest.RouteRules.Rule;
import java.util.List;
import java.util.Map;
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
            "Forbidden: this route needs role reader or admin; the caller's user is in none of"
                + " these groups");
  }

  private static String key(Rule rule) {
    return rule.method() + " " + rule.path();
  }
}
