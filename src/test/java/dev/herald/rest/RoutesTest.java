package dev.herald.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoutesTest {

  private final Routes routes = Routes.scan();

  @Test
  void everyResourceMethodIsARouteUnderApi() {
    assertThat(routes.all())
        .extracting(Routes.Route::toString)
        .contains(
            "POST /api/events",
            "POST /api/events/batch",
            "GET /api/events/{id}",
            "GET /api/event-types/{type}/schema",
            "GET /api/schemas/{type}/versions/{version}",
            "POST /api/schemas/{type}/check",
            "GET /api/audit",
            "POST /api/channels/{channel}/pause",
            "DELETE /api/tasks/{id}",
            "DELETE /api/replays/{id}");
    assertThat(routes.all()).allSatisfy(r -> assertThat(r.template()).startsWith("/api/"));
  }

  @Test
  void aRouteKnowsItsParametersAndWhetherItReadsABody() {
    Routes.Route check =
        routes.all().stream()
            .filter(r -> r.toString().equals("POST /api/schemas/{type}/check"))
            .findFirst()
            .orElseThrow();
    assertThat(check.pathParams()).containsExactly("type");
    assertThat(check.consumesBody()).isTrue();
    assertThat(check.path(name -> "x")).isEqualTo("/api/schemas/x/check");

    Routes.Route list =
        routes.all().stream()
            .filter(r -> r.toString().equals("GET /api/dead-letters"))
            .findFirst()
            .orElseThrow();
    assertThat(list.queryParams()).contains("type", "limit", "cursor");
    assertThat(list.consumesBody()).isFalse();
    assertThat(list.produces()).isTrue();
  }
}
