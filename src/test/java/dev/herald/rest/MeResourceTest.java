package dev.herald.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.config.TenantSettings;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** {@code GET /api/me}: the caller's name, its roles in a fixed order, and its tenants. */
class MeResourceTest {

  private static final TenantSettings SETTINGS = new TenantSettings("tenantid");

  @Test
  void theRolesComeInTheOrderPublisherReaderOperatorAdmin() {
    MeResource.Me me =
        MeResource.Me.of(caller(() -> "ops", Set.of("admin", "reader", "operator")), SETTINGS);

    assertThat(me.user()).isEqualTo("ops");
    assertThat(me.roles()).containsExactly("reader", "operator", "admin");
    assertThat(me.tenants()).as("an operator is bound to no tenant").isNull();
    assertThat(Roles.granted(Set.of("publisher", "other")::contains)).containsExactly("publisher");
  }

  @Test
  void aTokenWithTheTenantClaimNamesItsTenantsSorted() {
    Principal token = token("alice", Map.of("tenantid", List.of("globex", "acme")));

    MeResource.Me me = MeResource.Me.of(caller(token, Set.of("reader")), SETTINGS);

    assertThat(me.user()).isEqualTo("alice");
    assertThat(me.roles()).containsExactly("reader");
    assertThat(me.tenants()).containsExactly("acme", "globex");
    assertThat(MeResource.Me.of(caller(token("bob", Map.of()), Set.of("reader")), SETTINGS))
        .isEqualTo(new MeResource.Me("bob", List.of("reader"), null));
  }

  private static SecurityContext caller(Principal principal, Set<String> roles) {
    return new SecurityContext() {
      @Override
      public Principal getUserPrincipal() {
        return principal;
      }

      @Override
      public boolean isUserInRole(String role) {
        return roles.contains(role);
      }

      @Override
      public boolean isSecure() {
        return false;
      }

      @Override
      public String getAuthenticationScheme() {
        return principal instanceof JsonWebToken ? "MP-JWT" : BASIC_AUTH;
      }
    };
  }

  private static JsonWebToken token(String name, Map<String, Object> claims) {
    return new JsonWebToken() {
      @Override
      public String getName() {
        return name;
      }

      @Override
      public Set<String> getClaimNames() {
        return claims.keySet();
      }

      @Override
      @SuppressWarnings("unchecked")
      public <T> T getClaim(String claim) {
        return (T) claims.get(claim);
      }
    };
  }
}
